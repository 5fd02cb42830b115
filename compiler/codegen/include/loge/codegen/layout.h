// Codegen stage: the flat record layout shared by generated code, the
// flattener that fills it, and (later) the C header of AOT artifacts.
//
// Every schema structure becomes a block of bytes with each field at an
// offset known at compile time, so generated code reads fields with one
// load. Storage by type:
//   booléen 1 byte (0/1) · entier, durée 8 (int64) · décimal 16 (int128
//   mantissa, scale 10^18) · date 4 (int32 days since 1970-01-01) ·
//   énumération 4 (uint32 index) · texte 16 (const char*, int64 length) ·
//   liste 16 (const uint8_t* elements, int64 count; elements are stored
//   back to back with the element type's size) · structure: inline ·
//   T?: a presence byte at offset 0, then T at offset align(T).
// Sizes are rounded up to alignment, as a C compiler would lay out the
// equivalent struct (see the generated header of `loge compile`).
#pragma once

#include "loge/ir/program.h"

#include <cstdint>
#include <vector>

namespace loge::codegen {

struct StructLayout {
  std::uint32_t size = 0;
  std::uint32_t align = 1;
  std::vector<std::uint32_t> offsets; // per field
};

class Layout {
public:
  explicit Layout(const ir::Program& program);

  std::uint32_t sizeOf(const ir::Type* t) const;
  std::uint32_t alignOf(const ir::Type* t) const;
  // For T?: where T starts (the presence byte is at 0).
  std::uint32_t payloadOffset(const ir::Type* optional) const { return alignOf(optional->element); }
  const StructLayout& structure(std::uint32_t index) const { return structs_[index]; }
  const ir::Program& program() const { return program_; }

private:
  const ir::Program& program_;
  std::vector<StructLayout> structs_;
};

} // namespace loge::codegen
