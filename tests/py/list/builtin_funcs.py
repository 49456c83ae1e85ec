nums = [5, 3, 8, 1]
print(len(nums), sum(nums), min(nums), max(nums), sorted(nums), list(reversed(nums)))
print(nums.index(8), 8 in nums, nums.count(3), nums * 2)
print(list(enumerate(nums, 1)), list(zip(nums, nums[1:])))
print(any(n > 7 for n in nums), all(n > 0 for n in nums))
nums[1:3] = []
print(nums)
