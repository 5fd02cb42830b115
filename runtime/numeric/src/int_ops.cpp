// `entier` primitives: 64-bit arithmetic that reports overflow instead of
// wrapping (signed overflow is undefined behaviour in C++).
#include "loge/numeric/decimal.h"

namespace loge::num {

Status addInt(std::int64_t a, std::int64_t b, std::int64_t& out) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) return Status::Overflow;
  out = r;
  return Status::Ok;
}

Status subInt(std::int64_t a, std::int64_t b, std::int64_t& out) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) return Status::Overflow;
  out = r;
  return Status::Ok;
}

Status mulInt(std::int64_t a, std::int64_t b, std::int64_t& out) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) return Status::Overflow;
  out = r;
  return Status::Ok;
}

Status negInt(std::int64_t a, std::int64_t& out) {
  std::int64_t r;
  if (__builtin_sub_overflow(std::int64_t{0}, a, &r)) return Status::Overflow;
  out = r;
  return Status::Ok;
}

} // namespace loge::num
