/* Embedding a policy compiled ahead of time, in plain C, without LLVM.
 *
 *   loge compile bench/workload.loge -o artefact     # artefact/workload.{o,h}
 *   cc -std=c11 -I artefact -I runtime/rt/include main.c artefact/workload.o \
 *      -lloge_rt -lloge_numeric -lstdc++ -o embed-c
 *
 * The program fills four demandes field by field, evaluates them for one
 * logement at one date, and prints, per demande, the cotation and its
 * non-zero criteria, eligibility and the CAL alert: the same facts as
 * `loge run bench/workload.loge --demandes examples/embed-c/demandes.jsonl
 * --logement bench/logement_plus.json --date 2025-06-30`.
 */
#include "workload.h"

#include <stdio.h>
#include <string.h>

static loge_text text(const char* s) {
  loge_text t;
  t.data = s;
  t.length = (int64_t)strlen(s);
  return t;
}

/* Decimal literals are parsed exactly: no binary floating point anywhere. */
static loge_decimal dec(const char* s) {
  loge_decimal d;
  if (loge_decimal_parse(s, &d) != 0) {
    fprintf(stderr, "décimal invalide : %s\n", s);
    memset(&d, 0, sizeof d);
  }
  return d;
}

static int32_t date(int y, int m, int d) {
  int32_t out = 0;
  if (loge_date_from_ymd(y, m, d, &out) != 0) fprintf(stderr, "date invalide : %d-%d-%d\n", y, m, d);
  return out;
}

/* A household of `adults` adults and `children` children; zeroed fields
 * are `faux`, 0, or absent for optionals. */
static void menage(loge_workload_Demande* d, const char* id, int32_t depot, int adults, int children, int age,
                   const char* rfr, const char* ressources) {
  memset(d, 0, sizeof *d);
  d->id = text(id);
  d->date_depot = depot;
  d->menage.nb_adultes = adults;
  d->menage.nb_enfants = children;
  d->menage.age_demandeur = age;
  d->menage.revenu_fiscal_reference = dec(rfr);
  d->menage.ressources_mensuelles = dec(ressources);
}

static void current_home(loge_workload_Demande* d, const char* surface, const char* rent) {
  d->logement_actuel.present = 1;
  d->logement_actuel.value.surface_m2 = dec(surface);
  d->logement_actuel.value.loyer_mensuel = dec(rent);
}

static void print_decimal(const char* label, const loge_decimal* v) {
  char buffer[48];
  loge_decimal_format(v, buffer, sizeof buffer);
  printf(" %s=%s", label, buffer);
}

int main(void) {
  enum { N = 4 };
  loge_workload_Demande demandes[N];

  /* A DALO household waiting for three years. */
  menage(&demandes[0], "C0001", date(2022, 6, 30), 1, 0, 40, "20000", "1500");
  demandes[0].situation.dalo = 1;
  /* A family of five in 30 m² paying 900 € of 2 000 €: overcrowded, high effort. */
  menage(&demandes[1], "C0002", date(2019, 2, 28), 2, 3, 35, "31000", "2000");
  current_home(&demandes[1], "30", "900");
  /* A young couple just above the PLUS ceiling of category 3 (39 051 €). */
  menage(&demandes[2], "C0003", date(2024, 12, 31), 2, 0, 26, "39052", "2600.50");
  /* Refused five offers: the floor of 0 points applies. */
  menage(&demandes[3], "C0004", date(2025, 1, 31), 1, 1, 70, "9000", "1100");
  demandes[3].situation.refus_propositions = 5;
  demandes[3].menage.handicap = 1;

  loge_workload_Logement logement;
  memset(&logement, 0, sizeof logement);
  logement.id = text("LOGEMENT-PLUS-520");
  logement.loyer_mensuel = dec("520.00");

  const char* why = NULL;
  loge_aot_policy* policy = loge_workload_open(&why);
  if (!policy) {
    fprintf(stderr, "erreur : %s\n", why);
    return 1;
  }
  loge_workload_resultat results[N];
  uint8_t errors[N];
  int64_t failed = loge_workload_evaluate(policy, demandes, N, &logement, NULL, date(2025, 6, 30), results, errors);
  if (failed < 0) {
    fprintf(stderr, "erreur : arguments invalides\n");
    loge_aot_close(policy);
    return 1;
  }
  for (int i = 0; i < N; ++i) {
    const loge_workload_resultat* r = &results[i];
    printf("%.*s", (int)demandes[i].id.length, demandes[i].id.data);
    if (errors[i]) {
      printf(" erreur\n");
      continue;
    }
    print_decimal("cotation", &r->cotation_principale_total);
    print_decimal("dalo", &r->cotation_principale_dalo_points);
    print_decimal("sur_occupation", &r->cotation_principale_sur_occupation_points);
    print_decimal("taux_effort", &r->cotation_principale_taux_effort_points);
    print_decimal("anciennete", &r->cotation_principale_anciennete_points);
    print_decimal("refus", &r->cotation_principale_refus_points);
    printf(" eligible=%s", r->regle_ressources_plafond_statut == loge_workload_STATUT_REFUS ? "non" : "oui");
    printf(" alerte_taux_effort=%s\n", r->regle_cal_taux_effort_statut == loge_workload_STATUT_ALERTE ? "oui" : "non");
  }
  loge_aot_close(policy);
  return failed == 0 ? 0 : 3;
}
