// Runtime helpers: the parameter set of an ahead-of-time artifact, stored
// as one position-independent byte string.
//
// Format (native byte order; an artifact only runs on its target):
//   "LOGEPRM1"  u32 param count
//   per param:  u8 isTable, u8 key1, u8 key2, u32 keyCount, u32 version count
//   per version: i32 from, i32 to, u32 cellSize,
//                u64 scalar offset, u64 scalar size,
//                u32 row count, rows (u8 hasFrom, u8 hasTo, u8 toInclusive,
//                  i128 from, i128 to, u32 enumValue, u32 text size, text),
//                u32 column count, i64 columns,
//                u64 cells offset, u64 cells size, u64 present offset, u64 present size
//   u64 data size, data (offsets above are into it; 16-byte aligned blocks)
//   u32 relocation count, per relocation: u64 slot, u64 target — after the
//   data is copied to an aligned buffer, the pointer at data+slot is set to
//   data+target (texts and list items referenced by flat values).
#pragma once

#include "loge/rt/params.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace loge::rt {

// Returns null and sets `why` (French) when the bytes are not a valid set.
std::unique_ptr<loge_rt_params> loadParams(const std::uint8_t* blob, std::size_t size, std::string& why);

} // namespace loge::rt
