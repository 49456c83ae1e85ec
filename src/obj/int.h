/*
 * int.h - the heap layout of int and the helpers the number files share.
 *
 * Design notes
 * ------------
 * A Python int has two representations (see object.h): an unboxed small int
 * for values that fit 63 bits, and the heap object below for everything
 * else. The heap object stores the magnitude in base 2**30 digits, least
 * significant first, as CPython does: a product of two digits plus carries
 * fits a uint64_t, which keeps every inner loop free of 128-bit arithmetic.
 *
 * Invariants:
 *   - `size` is the number of digits and the top digit is never zero (so the
 *     value zero has size 0 and sign 0); `sign` is -1, 0 or 1.
 *   - An object of the *exact* int type is only ever on the heap when its
 *     value does not fit a small int. Every operation returns its result
 *     through gp_int_normalize(), which enforces that. Instances of bool and
 *     of user subclasses of int are heap objects whatever their value.
 *
 * Everything here is private to the number files (int.c, bigint.c, bool.c,
 * float.c, numformat.c, math.c, random.c); the rest of the interpreter uses
 * only the gp_int_* declarations of object.h.
 */
#ifndef GP_INT_H
#define GP_INT_H

#include <stddef.h>
#include <stdint.h>

#include "obj/object.h"

typedef uint32_t gp_digit_t;
typedef uint64_t gp_twodigits_t;
typedef int64_t gp_stwodigits_t;

#define GP_INT_SHIFT 30
#define GP_INT_BASE  ((gp_digit_t)1 << GP_INT_SHIFT)
#define GP_INT_MASK  ((gp_digit_t)(GP_INT_BASE - 1))

/* CPython 3.11's default for sys.get_int_max_str_digits(). */
#define GP_INT_MAX_STR_DIGITS 4300

typedef struct gp_int {
    gp_varobject_t base; /* size = number of digits */
    int32_t sign;        /* -1, 0 or 1 */
    gp_digit_t digits[];
} gp_int_t;

/* The same layout with room for one digit, for static objects (True, False). */
typedef struct gp_int1 {
    gp_varobject_t base;
    int32_t sign;
    gp_digit_t digits[1];
} gp_int1_t;

#define GP_INT_SIZE(o)   (((gp_varobject_t *)(o))->size)
#define GP_INT_DIGITS(o) (((gp_int_t *)(o))->digits)
#define GP_INT_SIGN(o)   (((gp_int_t *)(o))->sign)

/*
 * A read-only look at any int's digits. Small ints are expanded into the
 * view's own three-digit buffer, so the view must not be copied after
 * gp_int_view_init() (its [digits] may point into itself).
 */
typedef struct gp_int_view {
    const gp_digit_t *digits;
    intptr_t size;
    int sign;
    gp_digit_t buf[3];
} gp_int_view_t;

/* [o] must pass gp_int_check(). */
void gp_int_view_init(gp_int_view_t *v, gp_object_t *o);

/* Allocates an exact int with room for [ndigits] zeroed digits and sign 0.
   NULL with MemoryError on failure. */
gp_int_t *gp_int_alloc(intptr_t ndigits);
/* Strips leading zero digits, fixes the sign of zero and turns a value that
   fits into a small int (freeing [r]). Steals [r]; never fails. */
gp_object_t *gp_int_normalize(gp_int_t *r);
/* A normalised int from a magnitude and a sign (digits are copied). */
gp_object_t *gp_int_from_digits(int sign, const gp_digit_t *digits, intptr_t n);

/* Arithmetic on any two ints (small, big, bool, subclass), results
   normalised exact ints. NULL with an exception on error. */
gp_object_t *gp_int_add(gp_object_t *a, gp_object_t *b);
gp_object_t *gp_int_sub(gp_object_t *a, gp_object_t *b);
gp_object_t *gp_int_mul(gp_object_t *a, gp_object_t *b);
/* Floor division and modulo with Python's signs; either out may be NULL.
   ZeroDivisionError "integer division or modulo by zero". Returns 0 or -1. */
int gp_int_divmod(gp_object_t *a, gp_object_t *b, gp_object_t **q, gp_object_t **r);
gp_object_t *gp_int_lshift_by(gp_object_t *a, uint64_t shift);
gp_object_t *gp_int_rshift_by(gp_object_t *a, uint64_t shift);
gp_object_t *gp_int_neg(gp_object_t *a);
gp_object_t *gp_int_abs(gp_object_t *a);
/* -1, 0 or 1 as a <=> b. Never fails. */
int gp_int_compare(gp_object_t *a, gp_object_t *b);
/* Number of bits of |o| (0 for zero). */
uint64_t gp_int_bit_length(gp_object_t *o);
/* Exact comparison of an int with a double, as CPython's float_richcompare. */
gp_object_t *gp_int_compare_double(gp_object_t *i, double d, gp_cmpop_t op);
/* |o| as m * 2**e with 0.5 <= m < 1 (m rounded to 53 bits); m = 0 for 0. */
double gp_int_frexp(gp_object_t *o, int64_t *e);
/* Two's-complement bytes: int.to_bytes / int.from_bytes. to_bytes returns -1
   with OverflowError "int too big to convert" (or "can't convert negative int
   to unsigned") when the value does not fit. */
int gp_int_to_bytes(gp_object_t *o, uint8_t *out, size_t n, bool little, bool is_signed);
gp_object_t *gp_int_from_bytes(const uint8_t *data, size_t n, bool little, bool is_signed);

/* Magnitude kernels (bigint.c). Arrays are little-endian digits; results
   are freshly allocated, unnormalised gp_int_t objects (or NULL with
   MemoryError). */
gp_int_t *gp_bigint_add(const gp_digit_t *a, intptr_t na, const gp_digit_t *b, intptr_t nb);
/* |a| - |b|, with the sign of the result set. */
gp_int_t *gp_bigint_sub(const gp_digit_t *a, intptr_t na, const gp_digit_t *b, intptr_t nb);
gp_int_t *gp_bigint_mul(const gp_digit_t *a, intptr_t na, const gp_digit_t *b, intptr_t nb);
/* Truncating division of magnitudes; nb > 0. Returns 0 or -1. */
int gp_bigint_divrem(const gp_digit_t *a, intptr_t na, const gp_digit_t *b, intptr_t nb,
                     gp_int_t **q, gp_int_t **r);
/* The decimal text of a magnitude into a gp_mem_alloc'd NUL-terminated
   buffer (with a '-' when [negative]); NULL with an exception (MemoryError
   or the 4300-digit ValueError). */
char *gp_bigint_to_decimal(const gp_digit_t *a, intptr_t na, bool negative, size_t *len);

/* Small helpers shared by int.c, int_text.c and int_methods.c. */
gp_object_t *gp_int_exact(gp_object_t *o); /* an exact int with the value of [o] */
/* Issues CPython's DeprecationWarning for [dunder] (say "__index__") having
   returned [result], an instance of a strict int subclass: 0, or -1 when a
   warnings filter made it an error. */
int gp_int_warn_subclass_result(const char *dunder, gp_object_t *result);
int gp_int_sign_fast(gp_object_t *o);
bool gp_int_is_zero(gp_object_t *o);
bool gp_int_is_odd(gp_object_t *o);
gp_object_t *gp_int_invert(gp_object_t *a);                   /* ~a */
gp_object_t *gp_int_pow_u64(gp_object_t *base, uint64_t exp); /* base ** exp */
/* Bits [start, start + count) of a view's magnitude, count <= 64. */
uint64_t gp_int_view_bits(const gp_int_view_t *v, uint64_t start, int count);

/* The int type's tables and constructor, defined in int_methods.c and int_text.c. */
extern const gp_method_def_t gp_int_methods[];
extern const gp_getset_def_t gp_int_getsets[];
gp_object_t *gp_int_slot_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames);

/* int's slots, which bool.c reuses (and extends, for binop). */
gp_object_t *gp_int_slot_binop(gp_object_t *a, gp_object_t *b, int op);
gp_object_t *gp_int_slot_pow3(gp_object_t *a, gp_object_t *b, gp_object_t *mod);
gp_object_t *gp_int_slot_unop(gp_object_t *a, gp_unop_t op);
gp_object_t *gp_int_slot_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op);
gp_object_t *gp_int_slot_to_int(gp_object_t *o);
gp_object_t *gp_int_slot_to_float(gp_object_t *o);

/* Floats (float.c) needed by int: x ** y with Python's errors. */
gp_object_t *gp_float_pow_values(double x, double y);
/* Releases the memory of recycled floats (for runtime shutdown). */
void gp_float_clear_free_list(void);
/* The shortest digits that read back to [v] (positive, finite; dtoa.c):
   writes at most 17 ASCII digits to [digits], without trailing zeros, and
   the decimal exponent of the first one to *exp10. Returns the count. */
int gp_dtoa_shortest(double v, char *digits, int *exp10);
/* repr([v]) into [out] (at least 32 bytes, NUL-terminated); returns its length. */
size_t gp_float_repr_text(double v, char *out);
/* The float formatting core shared by float.__format__ and int's e/f/g/%. */
gp_object_t *gp_float_format_double(double v, const char *spec, size_t spec_len);

/* The format-spec mini-language (numformat.c). */
typedef struct gp_format_spec {
    uint32_t fill;      /* code point; ' ' by default */
    char align;         /* '<' '>' '^' '=' or 0 when not given */
    char sign;          /* '+' '-' ' ' or 0 */
    bool no_neg_zero;   /* 'z' */
    bool alternate;     /* '#' */
    bool zero_pad;      /* '0' before the width */
    intptr_t width;     /* -1 when absent */
    char grouping;      /* ',' '_' or 0 */
    intptr_t precision; /* -1 when absent */
    char type;          /* 0 when absent */
} gp_format_spec_t;

/* Parses [spec] (NUL-terminated, [len] bytes) for an object of type
   [type_name]; raises ValueError as CPython ("Invalid format specifier 'q'
   for object of type 'int'", "Cannot specify ',' with 'x'.") and returns -1. */
int gp_format_spec_parse(const char *spec, size_t len, const char *type_name,
                         gp_format_spec_t *out);
/* Lays out a number: [sign_text] ("-", "+", " " or ""), [prefix] ("0x"...),
   the ASCII integer digits [intpart] (grouped every [group_every] digits
   when the spec asks), then [rest] verbatim (".25e+03", "%"); applies
   fill, alignment and width. Returns a new str. */
gp_object_t *gp_format_number(const gp_format_spec_t *spec, const char *sign_text,
                              const char *prefix, const char *intpart, size_t intlen,
                              const char *rest, size_t restlen, int group_every);

#endif /* GP_INT_H */
