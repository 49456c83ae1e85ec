1..real
