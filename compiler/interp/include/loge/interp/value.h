// Interpreter stage: runtime values.
//
// A Value is a small tagged union (32 bytes). Records, lists and texts are
// referenced, not owned: they live in an Arena (input data, test records,
// lists built during evaluation) that outlives every evaluation using them.
// Values are immutable once built, so sharing them is safe across threads.
#pragma once

#include "loge/ir/expr.h"
#include "loge/numeric/date.h"
#include "loge/numeric/decimal.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace loge::interp {

struct Record;
struct List;

enum class Tag : std::uint8_t {
  Absent, // an optional without value
  Bool,
  Int,
  Decimal,
  Date,
  Duration, // count of the type's unit (months or days)
  Text,
  Enum, // index into the enumeration's values
  Record,
  List,
  Unset, // a test record field with no value: reading it is an error
};

struct Value {
  Tag tag = Tag::Absent;
  union {
    bool b;
    std::int64_t i;
    num::int128 d; // decimal mantissa (scale 10^18)
    std::int32_t date;
    std::uint32_t e;
    const Record* rec;
    const List* lst;
    const std::string* text;
    const ir::Expr* unset; // the Fail expression explaining what is missing
  };

  Value() : d(0) {}
  static Value absent() { return Value(); }
  static Value boolean(bool v) {
    Value x;
    x.tag = Tag::Bool;
    x.b = v;
    return x;
  }
  static Value integer(std::int64_t v) {
    Value x;
    x.tag = Tag::Int;
    x.i = v;
    return x;
  }
  static Value decimal(num::Decimal v) {
    Value x;
    x.tag = Tag::Decimal;
    x.d = v.mantissa();
    return x;
  }
  static Value dateValue(num::Date v) {
    Value x;
    x.tag = Tag::Date;
    x.date = v.days();
    return x;
  }
  static Value duration(std::int64_t v) {
    Value x;
    x.tag = Tag::Duration;
    x.i = v;
    return x;
  }
  static Value enumValue(std::uint32_t v) {
    Value x;
    x.tag = Tag::Enum;
    x.e = v;
    return x;
  }
  static Value textValue(const std::string* v) {
    Value x;
    x.tag = Tag::Text;
    x.text = v;
    return x;
  }
  static Value record(const Record* v) {
    Value x;
    x.tag = Tag::Record;
    x.rec = v;
    return x;
  }
  static Value list(const List* v) {
    Value x;
    x.tag = Tag::List;
    x.lst = v;
    return x;
  }
  static Value unsetField(const ir::Expr* why) {
    Value x;
    x.tag = Tag::Unset;
    x.unset = why;
    return x;
  }

  bool isAbsent() const { return tag == Tag::Absent; }
  num::Decimal asDecimal() const { return num::Decimal::fromMantissa(d); }
  num::Date asDate() const { return num::Date::fromDays(date); }
};

// A record's fields live in the arena's value blocks, right after those of
// the records built before it: a demande and its sub-records stay close in
// memory, which matters when a corpus is evaluated record after record.
struct Record {
  std::uint32_t structIndex = 0; // ir::Program::structs
  std::uint32_t fieldCount = 0;
  Value* fields = nullptr;
};

struct List {
  std::vector<Value> items;
};

// Owns records, lists and texts. Not thread-safe: one per producer (an
// input file, a test, one evaluation's temporaries).
class Arena {
public:
  Record* record(std::uint32_t structIndex, std::size_t fieldCount) {
    Storage& st = storage();
    st.records.emplace_back();
    Record& r = st.records.back();
    r.structIndex = structIndex;
    r.fieldCount = static_cast<std::uint32_t>(fieldCount);
    r.fields = values(fieldCount);
    return &r;
  }
  List* list() {
    Storage& st = storage();
    st.lists.emplace_back();
    return &st.lists.back();
  }
  const std::string* text(std::string s) {
    Storage& st = storage();
    st.texts.push_back(std::move(s));
    return &st.texts.back();
  }
  // A Fail expression saying why a record field has no value, for a
  // record built during evaluation (Value::unsetField): the quota's
  // envisaged attribution has fields nothing gives.
  const ir::Expr* missingField(std::string message) {
    Storage& st = storage();
    st.missing.push_back(ir::makeExpr(ir::Op::Fail, nullptr, {}));
    ir::TextPiece piece;
    piece.literal = std::move(message);
    st.missing.back()->parts.push_back(std::move(piece));
    return st.missing.back().get();
  }
  void clear() {
    storage_.reset();
    used_ = block_ = 0;
  }

private:
  // Blocks of values grow from 128 to 4 096 (4 KiB to 128 KiB): an
  // evaluation of one demande needs a few values, and a 128 KiB block made
  // and freed per demande sits at the top of glibc's heap, which then gives
  // it back to the system and takes it again every time (two `brk` calls
  // per demande: libloge's batch evaluation was twice as slow as evaluating
  // the demandes one by one).
  static constexpr std::size_t kFirstBlock = 128;
  static constexpr std::size_t kBlock = 4096;
  // Created on first use: most evaluations of one demande allocate
  // nothing here, and an empty deque already allocates.
  struct Storage {
    std::deque<Record> records;
    std::vector<std::unique_ptr<Value[]>> blocks;
    std::deque<List> lists;
    std::deque<std::string> texts;
    std::vector<ir::ExprPtr> missing;
  };
  Storage& storage() {
    if (!storage_) storage_ = std::make_unique<Storage>();
    return *storage_;
  }
  // `n` default (absent) values, from the current block or a new one.
  Value* values(std::size_t n) {
    auto& blocks = storage().blocks;
    if (n > kBlock) {
      // A block of its own, kept before the current one: blocks.back() is
      // where the next values come from.
      auto own = std::make_unique<Value[]>(n);
      Value* v = own.get();
      blocks.insert(blocks.empty() ? blocks.end() : blocks.end() - 1, std::move(own));
      return v;
    }
    if (used_ + n > block_) {
      block_ = std::min(kBlock, std::max(block_ * 2, std::max(kFirstBlock, n)));
      blocks.push_back(std::make_unique<Value[]>(block_));
      used_ = 0;
    }
    Value* v = blocks.back().get() + used_;
    used_ += n;
    return v;
  }
  std::unique_ptr<Storage> storage_;
  std::size_t used_ = 0;
  std::size_t block_ = 0; // the size of the current block (0: none yet)
};

} // namespace loge::interp
