// libloge: the C API driven with garbage. Random call sequences on a pool of
// live handles (of every kind, passed where any kind is expected), random
// bytes and mutated texts as JSON and as policies, random paths, indices and
// dates. Seeded, so a failure replays. The host must survive, and every
// failure must be a known status with an error object carrying a message.
#include "capi_support.h"

#include <cstring>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>

using namespace capi_test;

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class Fuzzer {
public:
  explicit Fuzzer(std::uint32_t seed) : rng_(seed) {
    policyText_ = readFile(dataPath("api-test.loge"));
    jsonLines_ = readFile(dataPath("demandes.jsonl"));
    // A fake handle: bytes that are no handle's tag.
    std::memset(fake_, 0x5a, sizeof fake_);
    policy_ = loadPolicy(dataPath("api-test.loge"), LOGE_ENGINE_AUTO);
  }
  ~Fuzzer() {
    for (auto* r : records_) loge_record_free(r);
    for (auto* b : batches_) loge_batch_free(b);
    for (auto* r : results_) loge_result_free(r);
    for (auto* r : resultSets_) loge_results_free(r);
    for (auto* p : policies_) loge_policy_free(p);
    loge_policy_free(policy_);
  }

  void step() {
    static const std::vector<void (Fuzzer::*)()> actions = {
        &Fuzzer::loadGarbagePolicy, &Fuzzer::recordFromGarbage, &Fuzzer::recordSetRandom, &Fuzzer::batchFromGarbage,
        &Fuzzer::evaluateRandom,    &Fuzzer::readResults,       &Fuzzer::introspect,      &Fuzzer::freeSomething,
        &Fuzzer::batchAdd,          &Fuzzer::validate};
    (this->*actions[pick(actions.size())])();
  }

private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
  bool coin() { return pick(2) == 0; }

  // Checks the outcome of one call.
  void check(loge_status s, loge_error* e, const char* call) {
    ASSERT_GE(static_cast<int>(s), LOGE_OK) << call;
    ASSERT_LE(static_cast<int>(s), LOGE_ERR_INTERNAL) << call;
    ASSERT_NE(s, LOGE_ERR_INTERNAL) << call << ": " << loge_error_message(e);
    if (s == LOGE_OK) {
      ASSERT_EQ(e, nullptr) << call;
      return;
    }
    ASSERT_NE(e, nullptr) << call;
    ASSERT_EQ(loge_error_status(e), s) << call;
    ASSERT_STRNE(loge_error_message(e), "") << call;
    ASSERT_GE(loge_error_count(e), 1u);
    for (std::size_t i = 0; i < loge_error_count(e); ++i) ASSERT_NE(loge_error_item(e, i), nullptr);
    loge_error_free(e);
  }

  // Runs one call (given its loge_error** slot) and checks its outcome.
  template <typename F> void call(const char* name, F&& f) {
    loge_error* e = nullptr;
    loge_status s = f(&e);
    check(s, e, name);
  }

  std::string garbage(const std::string& base) {
    std::string s = base;
    switch (pick(4)) {
    case 0: { // random bytes
      s.resize(pick(200));
      for (char& c : s) c = static_cast<char>(pick(256));
      return s;
    }
    case 1: // truncated
      return s.substr(0, pick(s.size() + 1));
    default: { // a few byte mutations
      for (int k = 0, n = 1 + static_cast<int>(pick(8)); k < n && !s.empty(); ++k) {
        std::size_t at = pick(s.size());
        switch (pick(3)) {
        case 0: s[at] = static_cast<char>(pick(256)); break;
        case 1: s.erase(at, 1 + pick(5)); break;
        default: s.insert(at, 1, "{}[]\",:0-.e\\"[pick(12)]);
        }
      }
      return s;
    }
    }
  }

  // A handle pointer of a random kind (or NULL, or fake bytes).
  template <typename T> T* any(T* right) {
    switch (pick(8)) {
    case 0: return nullptr;
    case 1: return reinterpret_cast<T*>(fake_);
    case 2: return records_.empty() ? right : reinterpret_cast<T*>(records_[pick(records_.size())]);
    case 3: return reinterpret_cast<T*>(policy_);
    default: return right;
    }
  }
  loge_record* someRecord() { return records_.empty() ? nullptr : records_[pick(records_.size())]; }

  std::string randomPath() {
    static const char* paths[] = {"id",
                                  "depot",
                                  "enfants",
                                  "ressources",
                                  "dalo",
                                  "zone",
                                  "personnes",
                                  "personnes[0]",
                                  "personnes[0].age",
                                  "communes[1]",
                                  "communes",
                                  "facteur",
                                  "ancien_loyer",
                                  "loyer",
                                  "x.y",
                                  "personnes[",
                                  "[0]",
                                  "personnes[99].lien",
                                  "",
                                  "dépôt"};
    return paths[pick(std::size(paths))];
  }

  void loadGarbagePolicy() {
    std::string text = garbage(policyText_);
    loge_policy* p = nullptr;
    loge_options* o = nullptr;
    call("options_create", [&](loge_error** e) { return loge_options_create(&o, e); });
    loge_options_set_engine(o, coin() ? LOGE_ENGINE_INTERPRETER : LOGE_ENGINE_AUTO, nullptr);
    loge_options_set_compilation(o, coin() ? LOGE_COMPILATION_QUICK : LOGE_COMPILATION_OPTIMISED, nullptr);
    const std::string path = dataPath("garbage.loge");
    const loge_options* options = any(static_cast<const loge_options*>(o));
    call("policy_load_source", [&](loge_error** e) {
      return loge_policy_load_source(text.data(), text.size(), path.c_str(), options, &p, e);
    });
    loge_options_free(o);
    if (p) policies_.push_back(p);
  }

  void recordFromGarbage() {
    std::string line = jsonLines_.substr(0, jsonLines_.find('\n'));
    std::string text = garbage(line);
    loge_record* r = nullptr;
    loge_role role = static_cast<loge_role>(pick(6));
    call("record_from_json",
         [&](loge_error** e) { return loge_record_from_json(any(policy_), role, text.data(), text.size(), &r, e); });
    if (r) records_.push_back(r);
    if (coin()) {
      call("record_create", [&](loge_error** e) { return loge_record_create(any(policy_), role, &r, e); });
      if (r) records_.push_back(r);
    }
  }

  void recordSetRandom() {
    loge_record* r = any(someRecord());
    std::string path = randomPath();
    std::string value = garbage(coin() ? "2024-02-29" : "1650.50");
    switch (pick(8)) {
    case 0:
      call("set_int",
           [&](loge_error** e) { return loge_record_set_int(r, path.c_str(), static_cast<int64_t>(rng_()), e); });
      break;
    case 1:
      call("set_decimal", [&](loge_error** e) { return loge_record_set_decimal(r, path.c_str(), value.c_str(), e); });
      break;
    case 2:
      call("set_date", [&](loge_error** e) { return loge_record_set_date(r, path.c_str(), value.c_str(), e); });
      break;
    case 3:
      call("set_text", [&](loge_error** e) { return loge_record_set_text(r, path.c_str(), value.c_str(), e); });
      break;
    case 4:
      call("set_bool",
           [&](loge_error** e) { return loge_record_set_bool(r, path.c_str(), static_cast<int>(pick(3)), e); });
      break;
    case 5:
      call("set_enum",
           [&](loge_error** e) { return loge_record_set_enum(r, path.c_str(), coin() ? "a" : value.c_str(), e); });
      break;
    case 6:
      call("set_absent", [&](loge_error** e) { return loge_record_set_absent(r, coin() ? path.c_str() : nullptr, e); });
      break;
    default: call("append", [&](loge_error** e) { return loge_record_append(r, path.c_str(), nullptr, e); });
    }
  }

  void validate() {
    call("validate", [&](loge_error** e) { return loge_record_validate(any(someRecord()), e); });
    const char* s = nullptr;
    call("record_json", [&](loge_error** e) { return loge_record_json(any(someRecord()), &s, e); });
  }

  void batchFromGarbage() {
    std::string text = garbage(jsonLines_);
    loge_batch* b = nullptr;
    call("batch_from_jsonl",
         [&](loge_error** e) { return loge_batch_from_jsonl(any(policy_), text.data(), text.size(), &b, e); });
    if (b) batches_.push_back(b);
    if (coin()) {
      call("batch_create", [&](loge_error** e) { return loge_batch_create(any(policy_), &b, e); });
      if (b) batches_.push_back(b);
    }
  }

  void batchAdd() {
    if (batches_.empty()) return;
    call("batch_add",
         [&](loge_error** e) { return loge_batch_add(any(batches_[pick(batches_.size())]), any(someRecord()), e); });
  }

  void evaluateRandom() {
    static const char* dates[] = {"2025-06-30", "2023-01-01", "2025-02-29", "demain", "2400-01-01", ""};
    const char* date = coin() ? "2025-06-30" : dates[pick(std::size(dates))];
    if (coin() && !batches_.empty()) {
      loge_results* rs = nullptr;
      call("evaluate_batch", [&](loge_error** e) {
        return loge_evaluate_batch(any(policy_), any(batches_[pick(batches_.size())]), coin() ? nullptr : someRecord(),
                                   date, &rs, e);
      });
      if (rs) resultSets_.push_back(rs);
    } else {
      loge_result* r = nullptr;
      call("evaluate", [&](loge_error** e) {
        return loge_evaluate(any(policy_), any(someRecord()), coin() ? nullptr : someRecord(), date, &r, e);
      });
      if (r) results_.push_back(r);
    }
  }

  void readResults() {
    const loge_result* r = nullptr;
    if (!resultSets_.empty() && coin()) {
      call("results_get",
           [&](loge_error** e) { return loge_results_get(resultSets_[pick(resultSets_.size())], pick(6), &r, e); });
    } else if (!results_.empty()) {
      r = results_[pick(results_.size())];
    }
    r = any(r);
    const char* s = nullptr;
    int flag = 0;
    size_t index = 0;
    loge_rule_status st;
    call("result_total", [&](loge_error** e) { return loge_result_total(r, pick(3), &s, e); });
    call("criterion_points", [&](loge_error** e) { return loge_result_criterion_points(r, pick(2), pick(7), &s, e); });
    call("criterion_applicable",
         [&](loge_error** e) { return loge_result_criterion_applicable(r, 0, pick(7), &flag, e); });
    call("rule_status", [&](loge_error** e) { return loge_result_rule_status(r, pick(3), &st, e); });
    call("rule_motif", [&](loge_error** e) { return loge_result_rule_motif(r, pick(3), &s, e); });
    call("eligibility", [&](loge_error** e) { return loge_result_eligibility(r, &flag, e); });
    call("refusal", [&](loge_error** e) { return loge_result_refusal(r, pick(2), &index, e); });
    call("result_json", [&](loge_error** e) { return loge_result_json(r, coin() ? &s : nullptr, e); });
    const std::string decimal = garbage("-12.5");
    double* out = coin() ? &number_ : nullptr;
    call("decimal_to_double", [&](loge_error** e) { return loge_decimal_to_double(decimal.c_str(), out, e); });
  }

  void introspect() {
    const loge_policy* p = any(policies_.empty() || coin() ? policy_ : policies_[pick(policies_.size())]);
    size_t n = 0;
    const char* s = nullptr;
    call("rule_count", [&](loge_error** e) { return loge_policy_rule_count(p, &n, e); });
    call("rule_reference", [&](loge_error** e) { return loge_policy_rule_reference(p, pick(3), pick(3), &s, e); });
    call("criterion_label", [&](loge_error** e) { return loge_policy_criterion_label(p, pick(2), pick(7), &s, e); });
    std::string name = garbage("zones.zone");
    call("find_rule", [&](loge_error** e) { return loge_policy_find_rule(p, name.c_str(), &n, e); });
    loge_error* warnings = nullptr;
    call("warnings", [&](loge_error** e) { return loge_policy_warnings(p, &warnings, e); });
    loge_error_free(warnings);
  }

  void freeSomething() {
    switch (pick(4)) {
    case 0:
      if (!records_.empty()) {
        std::size_t i = pick(records_.size());
        loge_record_free(records_[i]);
        records_.erase(records_.begin() + static_cast<std::ptrdiff_t>(i));
      }
      break;
    case 1:
      if (!results_.empty()) {
        loge_result_free(results_.back());
        results_.pop_back();
      }
      break;
    case 2:
      if (!resultSets_.empty()) {
        loge_results_free(resultSets_.front());
        resultSets_.erase(resultSets_.begin());
      }
      break;
    default:
      // Frees of the wrong kind are ignored.
      loge_batch_free(reinterpret_cast<loge_batch*>(policy_));
      loge_error_free(reinterpret_cast<loge_error*>(fake_));
    }
  }

  std::mt19937 rng_;
  std::string policyText_, jsonLines_;
  alignas(16) unsigned char fake_[256];
  double number_ = 0;
  loge_policy* policy_ = nullptr;
  std::vector<loge_policy*> policies_;
  std::vector<loge_record*> records_;
  std::vector<loge_batch*> batches_;
  std::vector<loge_result*> results_;
  std::vector<loge_results*> resultSets_;
};

TEST(Fuzz, RandomCallSequencesFailCleanly) {
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Fuzzer f(seed);
    for (int i = 0; i < 300 && !::testing::Test::HasFatalFailure(); ++i) f.step();
    if (::testing::Test::HasFatalFailure()) return;
  }
}

} // namespace
