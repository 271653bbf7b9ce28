/* facts_run.c -- runs the facts stage outside the pipeline, for the
** evaluation and the speed benchmark (not part of `make test`).
**
**   facts_run predict TEXTS.jsonl       one JSON line of facts per text
**   facts_run bench STREAM.jsonl[.gz]   CPU time of rcp__facts over a stream
**   facts_run stories STREAM.jsonl[.gz] N  story facts over groups of N
**                                        consecutive articles of one section
**                                        and day (merging audit)
** Texts: {"id", "published", "text"} or the OrangeSum layout (title +
** heading + article, joined by blank lines, as DESIGN.md reads them).
*/
#include "recoupe_int.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

static char *join_text(json_t *o) {
  const char *t = json_string_value(json_object_get(o, "text"));
  if (t) return strdup(t);
  const char *a = json_string_value(json_object_get(o, "title"));
  const char *b = json_string_value(json_object_get(o, "heading"));
  const char *c = json_string_value(json_object_get(o, "article"));
  size_t n = (a ? strlen(a) : 0) + (b ? strlen(b) : 0) + (c ? strlen(c) : 0) + 8;
  char *s = malloc(n);
  snprintf(s, n, "%s\n\n%s\n\n%s", a ? a : "", b ? b : "", c ? c : "");
  return s;
}

static rcp_doc *mk(json_t *o, char **textp) {
  char idb[64];
  json_t *jid = json_object_get(o, "id");
  if (json_is_integer(jid)) snprintf(idb, sizeof idb, "%lld", (long long)json_integer_value(jid));
  else snprintf(idb, sizeof idb, "%s", json_string_value(jid) ? json_string_value(jid) : "");
  char *text = join_text(o);
  rcp_page p;
  memset(&p, 0, sizeof p);
  p.id = idb; p.body = text; p.body_len = strlen(text);
  rcp_doc *d = NULL;
  if (rcp__doc_new(NULL, &p, &d) != RCP_OK) { free(text); return NULL; }
  d->text = d->raw; d->text_len = d->raw_len;
  const char *pub = json_string_value(json_object_get(o, "published"));
  d->pub_time = pub ? rcp__parse_iso(pub) : INT64_MIN;
  d->lang = "fr";
  *textp = text;
  return d;
}

static const char *tname(rcp_ent_type t) {
  return t == RCP_ENT_PERSON ? "PER" : t == RCP_ENT_PLACE ? "LOC" : t == RCP_ENT_ORG ? "ORG" : "OTH";
}

static void date_value(const rcp_date_mention *m, char *b, size_t n) {
  if (m->duration) {
    snprintf(b, n, "P%g%c", m->dur_qty, m->dur_unit);
    return;
  }
  if (m->day == INT64_MIN) { snprintf(b, n, "?"); return; }
  char d[11];
  rcp__fmt_day(m->day * 86400, d);
  if (m->precision == 0) snprintf(b, n, "%s", d);
  else if (m->precision == 1) snprintf(b, n, "%.7s", d);
  else if (m->precision == 2) snprintf(b, n, "%.4s", d);
  else snprintf(b, n, "W%s", d);
}

typedef struct reader { gzFile f; char *buf; size_t cap; } reader;
static json_t *next_rec(reader *r) {
  size_t n = 0;
  for (;;) {
    if (!gzgets(r->f, r->buf + n, (int)(r->cap - n))) { if (n == 0) return NULL; break; }
    n += strlen(r->buf + n);
    if (n > 0 && r->buf[n - 1] == '\n') break;
    if (r->cap - n < 2) { r->cap *= 2; r->buf = realloc(r->buf, r->cap); }
  }
  json_error_t e;
  return json_loadb(r->buf, n, 0, &e);
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: facts_run predict|bench|stories FILE [N]\n"); return 2; }
  reader r = {gzopen(argv[2], "rb"), malloc(1 << 20), 1 << 20};
  if (!r.f) { perror(argv[2]); return 1; }
  int mode = !strcmp(argv[1], "predict") ? 0 : !strcmp(argv[1], "bench") ? 1 : 2;
  size_t docs = 0, nents = 0, ndates = 0, nfigs = 0, nquotes = 0, bytes = 0;
  double cpu = 0;
  json_t *o;
  /* stories mode: groups of consecutive articles of one section and day */
  size_t gmax = argc > 3 ? (size_t)atoi(argv[3]) : 8;
  rcp_doc **grp = calloc(gmax, sizeof *grp);
  char **gtext = calloc(gmax, sizeof *gtext);
  size_t ng = 0;
  char gkey[128] = "";
  while ((o = next_rec(&r)) != NULL) {
    char *text = NULL;
    rcp_doc *d = mk(o, &text);
    if (!d) { json_decref(o); continue; }
    /* FACTS_ANALYZE=1: run the analysis stage first, so facts use its
    ** sentences (as in the pipeline); its time is not counted */
    if (getenv("FACTS_ANALYZE")) {
      rcp__analyze(NULL, d);
      d->lang = "fr";
    }
    clock_t c0 = clock();
    int rc = rcp__facts(NULL, d);
    cpu += (double)(clock() - c0) / CLOCKS_PER_SEC;
    if (rc != RCP_OK) { fprintf(stderr, "facts failed: %d\n", rc); return 1; }
    docs++; bytes += d->text_len;
    nents += d->nents; ndates += d->ndates; nfigs += d->nfigs; nquotes += d->nquotes;
    if (mode == 0) {
      json_t *p = json_object(), *es = json_array(), *ds = json_array(), *fs = json_array(), *qs = json_array();
      json_object_set_new(p, "id", json_string(d->id));
      for (size_t i = 0; i < d->nents; i++)
        json_array_append_new(es, json_pack("[ssiss]", d->ents[i].name, tname(d->ents[i].type), (int)d->ents[i].off,
                                            d->ents[i].key, d->ents[i].canon ? d->ents[i].canon : ""));
      for (size_t i = 0; i < d->ndates; i++) {
        char v[32];
        date_value(&d->dates[i], v, sizeof v);
        json_array_append_new(ds, json_pack("[ssi]", d->dates[i].text, v, (int)d->dates[i].off));
      }
      for (size_t i = 0; i < d->nfigs; i++)
        json_array_append_new(fs, json_pack("[sfo o i s]", d->figs[i].text, d->figs[i].quantity,
                                            d->figs[i].qualifier ? json_string(d->figs[i].qualifier) : json_null(),
                                            d->figs[i].unit ? json_string(d->figs[i].unit) : json_null(),
                                            (int)d->figs[i].off, d->figs[i].what ? d->figs[i].what : ""));
      for (size_t i = 0; i < d->nquotes; i++)
        json_array_append_new(qs, json_pack("[so]", d->quotes[i].text,
                                            d->quotes[i].speaker ? json_string(d->quotes[i].speaker) : json_null()));
      json_object_set_new(p, "ents", es);
      json_object_set_new(p, "dates", ds);
      json_object_set_new(p, "figs", fs);
      json_object_set_new(p, "quotes", qs);
      char *s = json_dumps(p, JSON_COMPACT | JSON_ENSURE_ASCII);
      puts(s);
      free(s);
      json_decref(p);
    }
    if (mode == 2) {
      char key[128];
      const char *sec = json_string_value(json_object_get(o, "section"));
      const char *day = json_string_value(json_object_get(o, "date"));
      snprintf(key, sizeof key, "%s|%s", sec ? sec : "", day ? day : "");
      if (ng == gmax || (ng > 0 && strcmp(key, gkey) != 0)) {
        rcp_story_view v = {1, grp, ng, NULL, 0};
        json_t *so = json_object();
        if (ng >= 2 && rcp__story_facts(NULL, &v, so) == RCP_OK) {
          json_object_set_new(so, "group", json_string(gkey));
          char *s = json_dumps(so, JSON_COMPACT | JSON_ENSURE_ASCII);
          puts(s);
          free(s);
        }
        json_decref(so);
        for (size_t i = 0; i < ng; i++) { rcp_doc_free(grp[i]); free(gtext[i]); }
        ng = 0;
      }
      snprintf(gkey, sizeof gkey, "%s", key);
      grp[ng] = d; gtext[ng] = text; ng++;
      d = NULL; text = NULL;
    }
    rcp_doc_free(d);
    free(text);
    json_decref(o);
  }
  for (size_t i = 0; i < ng; i++) { rcp_doc_free(grp[i]); free(gtext[i]); }
  free(grp); free(gtext);
  gzclose(r.f);
  free(r.buf);
  fprintf(stderr, "%zu docs, %.1f MB, facts CPU %.3f s (%.0f docs/s); %zu entities, %zu dates, %zu figures, %zu quotes\n",
          docs, bytes / 1e6, cpu, cpu > 0 ? docs / cpu : 0.0, nents, ndates, nfigs, nquotes);
  return 0;
}
