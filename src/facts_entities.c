/* facts_entities.c -- people, places and organisations in French and
** English text, without a statistical model.
**
** 1. Candidates: runs of capitalised words joined by name particles (de, du,
**    d', la, von, van, der, al-, bin, ben ...), cut at punctuation and
**    sentence ends; leading function words ("Le", "Selon") and role words
**    ("Premier", "Président") are trimmed off.  Organisation heads extend
**    over lowercase adjectives and "de la X" ("Organisation mondiale de la
**    santé", "Conseil constitutionnel", "ministère de l'Intérieur").
** 2. Gazetteers (generated from data/, src/facts_gaz.c): the longest span
**    known as a country, city, French commune or département, region or
**    organisation gets its type and canonical id.
** 3. Cues: titles (M., Mme, Dr) and roles ("la ministre", "le président",
**    "porte-parole de") before a name, or in apposition after it, make a
**    person; a known first name at the start makes a person; organisation
**    head words ("Université", "Ministère", "Parti") make an organisation;
**    "à X" for an unknown single word makes a place.
** 4. In the document, a bare surname ("Mme Lambert", "Lambert") takes the
**    identity of the full name seen elsewhere ("Christiane Lambert"): its
**    canon is the full name's key.  Same for an acronym given in brackets
**    after its expansion: "Organisation mondiale de la santé (OMS)".
** Demonyms ("les Français") and capitalised sentence-initial common words
** are not entities.  Type RCP_ENT_OTHER is kept for unknown names.
*/
#include "facts_int.h"

#include <stdio.h>  /* snprintf */
#include <string.h> /* strcmp, strlen, memcpy */

/* Unknown multi-word names with no cue are organisations (measured on the
** labelled set: docs/facts.md). */
#ifndef RCP_FX_MULTI_DEFAULT_ORG
#define RCP_FX_MULTI_DEFAULT_ORG 1
#endif

/* Function words that may be capitalised at a sentence start. */
static int is_func(const char *k) {
  static const char *const t[] = {"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ce",
    "cet", "cette", "ces", "en", "au", "aux", "a", "pour", "selon", "mais", "et", "ou", "dans", "sur",
    "avec", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j'", "apres", "avant", "depuis",
    "lors", "alors", "si", "pourtant", "cependant", "ainsi", "enfin", "par", "pendant", "face",
    "outre", "sans", "contre", "chez", "entre", "vers", "c'", "qu'", "quand", "comme", "tout", "tous",
    "toute", "toutes", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon",
    "ma", "mes", "ton", "ta", "tes", "cela", "ceci", "ca", "celui", "celle", "ceux", "quel", "quelle",
    "quels", "quelles", "plus", "moins", "tres", "deja", "encore", "aussi", "meme", "dont", "ou",
    "y", "n'", "ne", "s'", "se", "m'", "t'", "lorsque", "puisque", "parce", "car", "donc", "or", "ni",
    "soit", "bien", "seul", "seule", "autre", "autres", "certains", "certaines", "plusieurs",
    "aucun", "aucune", "chaque", "tel", "telle", "oui", "non", "voici", "voila", "the", "a", "an",
    "in", "on", "at", "for", "but", "he", "she", "they", "it", "we", "i", "you", "this", "that",
    "these", "those", "his", "her", "their", "its", "our", "of", "to", "from", "by", "with", "as",
    "after", "before", "since", "when", "while", "if", "and", "or", "so", "yet", "there", "here",
    "what", "who", "which", "where", "why", "how", "all", "some", "many", "most", "more", "no",
    "not", "also", "meanwhile", "however", "according", "last", "next", "ici", "la-bas", "hier",
    "aujourd'hui", "demain", "desormais", "puis", "ensuite", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "mme", "m", "mmes", "mlle", "dr", "pr", "me", "mgr", "mr",
    "mrs", "ms", "madame", "monsieur", "messieurs", NULL};
  for (int i = 0; t[i]; i++) if (k[0] == t[i][0] && fx_eq(k, t[i])) return 1;
  return 0;
}

static int is_particle(const char *k) {
  static const char *const t[] = {"de", "du", "des", "d'", "la", "le", "von", "van", "der", "den",
    "di", "da", "del", "della", "dos", "das", "do", "al", "el", "bin", "ben", "ibn", "abu", "ter",
    "y", "l'", "of", "the", "and", "et", "sur", "en", "les", NULL};
  for (int i = 0; t[i]; i++) if (fx_eq(k, t[i])) return 1;
  return 0;
}

/* Acronyms of common nouns, not names: ONG, PME, PIB ... */
static int common_acronym(const char *k) {
  static const char *const t[] = {"ong", "pme", "pib", "tva", "sdf", "rsa", "smic", "cdd", "cdi", "pma",
    "gpa", "ivg", "ehpad", "ogm", "suv", "tgv", "ter", "rer", "hlm", "jo", "pv", "qr", "usb", "adn",
    "vih", "irm", "pcr", "arn", "covid", "covid-19", "sras", "uv", "pdg", "drh", "ceo", "ttc", "ht",
    "km", "kg", "cm", "mm", "mw", "gw", "kw", "tv", "dvd", "cd", "gps", "sms", "pc", "ia", "ai",
    "vtc", "rtt", "bac", "bts", "dut", "cap", "phd", "mba", "ok", "ko", "vip", "sos", "btp", "rh",
    "znt", "qpc", "lgbt", "lgbtq", "lgbti", "sida", "aids", "hiv", "gdp", "vat", "ceo", "cfo",
    "usd", "eur", "ue-", "etc", "nb", "ps:", "pv", "mdr", "ndlr", "tnt", "ovni", "sncf-", NULL};
  for (int i = 0; t[i]; i++) if (fx_eq(k, t[i])) return 1;
  return 0;
}

/* Person titles that precede a name and are not part of it. */
static int is_title(const fx_doc *x, size_t i) {
  static const char *const t[] = {"m", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "mr", "mrs",
    "ms", "madame", "monsieur", "sir", "lord", "dame", NULL};
  if (i >= x->n || x->t[i].kind != FX_WORD) return 0;
  for (int k = 0; t[k]; k++) if (fx_eq(x->t[i].key, t[k])) return 1;
  return 0;
}

/* Role words: before a name ("le président X", "la ministre X") they make
** a person; in a span they are trimmed ("Premier ministre Édouard Philippe"). */
static int is_role(const char *k) {
  static const char *const t[] = {"president", "presidente", "ministre", "premier", "premiere",
    "porte-parole", "maire", "depute", "deputee", "senateur", "senatrice", "directeur", "directrice",
    "secretaire", "chef", "cheffe", "general", "generale", "prefet", "prefete", "juge", "procureur",
    "procureure", "avocat", "avocate", "ambassadeur", "ambassadrice", "patron", "patronne",
    "dirigeant", "dirigeante", "fondateur", "fondatrice", "commissaire", "gouverneur", "roi",
    "reine", "prince", "princesse", "pape", "cardinal", "eveque", "colonel", "capitaine",
    "commandant", "lieutenant", "sergent", "entraineur", "selectionneur", "joueur", "joueuse",
    "ancien", "ancienne", "candidat", "candidate", "opposant", "opposante", "elu", "elue",
    "conseiller", "conseillere", "vice-president", "vice-presidente", "delegue", "deleguee",
    "professeur", "docteur", "chercheur", "chercheuse", "epidemiologiste", "infectiologue",
    "sociologue", "economiste", "president-directeur", "pdg", "ceo", "chancellor", "chanceliere",
    "chancelier", "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "mayor", "senator", "governor", "director", "chief", "king", "queen", "leader", "cofondatrice",
    "cofondateur", "homologue", "emir", "sultan", "cheikh", "ayatollah", "rapporteur", "rapporteure",
    "ministere", NULL};
  for (int i = 0; t[i]; i++) if (k[0] == t[i][0] && fx_eq(k, t[i])) return 1;
  return 0;
}

/* Head words of organisation names. */
static int is_org_head(const char *k) {
  static const char *const t[] = {"ministere", "universite", "conseil", "assemblee", "parti",
    "federation", "association", "banque", "commission", "agence", "institut", "organisation",
    "union", "comite", "cour", "tribunal", "syndicat", "confederation", "groupe", "societe",
    "fondation", "direction", "office", "autorite", "haute", "caisse", "centre", "compagnie",
    "ligue", "senat", "ecole", "chu", "gendarmerie", "parlement", "mairie", "prefecture",
    "observatoire", "academie", "fonds", "mouvement", "front", "rassemblement", "collectif",
    "ministry", "university", "council", "party", "bank", "agency", "institute", "committee",
    "court", "department", "foundation", "company", "corporation", "association", "federal",
    "laboratoire", "hopital", "clinique", "police", "armee", "forces", "service", "services",
    "secretariat", "inspection", "haut-commissariat", "commissariat", "cabinet", "chambre",
    "conference", "alliance", "coalition", "club", "fc", "olympique", "stade", "racing", "equipe",
    "federation", "consortium", "entreprise", "laboratoires", "editions", "journal", "radio",
    "agence", "reseau", "regie", "tribunal", "parquet", "musee", "theatre", "festival", "bureau",
    "opera", "orchestre", "conservatoire", "bibliotheque", "philharmonie",
    NULL};
  for (int i = 0; t[i]; i++) if (k[0] == t[i][0] && fx_eq(k, t[i])) return 1;
  return 0;
}

static int not_adj_exception(const char *k) {
  static const char *const t[] = {"apres", "ancien", "premier", "derniere", "dernier", "entier",
    "pour", "sur", "leur", "meme", "contre", "entre", "chaque", "comme", "lors", "alors", NULL};
  for (int i = 0; t[i]; i++) if (fx_eq(k, t[i])) return 1;
  return 0;
}

/* Lowercase words that continue an organisation name: adjectives such as
** "nationale", "mondiale", "européenne", "constitutionnel". */
static int is_org_adj(const char *k) {
  size_t l = strlen(k);
  static const char *const suf[] = {"ale", "al", "aux", "ales", "el", "elle", "elles", "els", "ien",
    "ienne", "iens", "iennes", "ais", "aise", "aises", "ique", "iques", "aire", "aires",
    "if", "ive", "ifs", "ives", "ain", "aine", "ains", "aines", "eur", "eure", "ieur", "ieure", "ois",
    "oise", "ial", "iale", "ere", "ier", "unies", "uni", "anne", "ane", "ste", "stes", NULL};
  if (l < 4 || not_adj_exception(k)) return 0;
  for (int i = 0; suf[i]; i++) {
    size_t s = strlen(suf[i]);
    if (l > s + 1 && fx_eq(k + l - s, suf[i])) return 1;
  }
  return 0;
}

static int org_head_of(const fx_doc *x, size_t i) {
  return i < x->n && x->t[i].kind == FX_WORD && is_org_head(x->t[i].key);
}

static int is_person_noun_cue(const fx_doc *x, size_t i) {
  if (i > 0 && (fx_is(x, i - 1, "de") || fx_is(x, i - 1, "du") || fx_is(x, i - 1, "des") ||
                fx_is(x, i - 1, "d'") || fx_is(x, i - 1, "l'") || fx_is(x, i - 1, "la") ||
                fx_is(x, i - 1, "of") || fx_is(x, i - 1, "the")))
    return 0;
  /* role before i (allowing "de la X" complements up to 6 tokens back):
  ** "le président Emmanuel Macron", "la ministre de la Santé X",
  ** "porte-parole du gouvernement X" */
  size_t lim = i > 8 ? i - 8 : 0;
  for (size_t k = i; k-- > lim;) {
    const fx_tok *t = &x->t[k];
    if (t->kind == FX_PUNCT && t->key[0] != '\'' && t->key[0] != '-') return 0;
    if (t->sent != x->t[i].sent) return 0;
    if (t->kind == FX_WORD && is_role(t->key) && strcmp(t->key, "ministere") != 0) return 1;
    if (t->kind == FX_WORD && !(t->flags & FX_CAP) && !is_particle(t->key) && !is_func(t->key) &&
        !is_org_adj(t->key) && k + 1 < i)
      return 0;
  }
  return 0;
}

/* ================================================================== */
/* Extraction                                                         */
/* ================================================================== */

typedef struct ectx {
  fx_doc *x;
  rcp_doc *d;
  size_t cap;
  uint32_t *tb, *te;   /* token span of each mention; rcp__malloc'd */
  unsigned char *wk;   /* per mention: typed ORG on weak evidence ("selon X") */
  size_t tcap;
} ectx;

static int capish(const fx_doc *x, size_t i) {
  if (i >= x->n || x->t[i].kind != FX_WORD) return 0;
  if ((x->t[i].flags & FX_GLUE) && i > 0 && x->t[i - 1].kind == FX_NUM) return 0;
  if (x->t[i].flags & FX_CAP) return 1;
  const char *k = x->t[i].key;
  /* al-Assad, el-Sissi, ben-Gourion */
  if ((strncmp(k, "al-", 3) == 0 || strncmp(k, "el-", 3) == 0 || strncmp(k, "ben-", 4) == 0) &&
      x->t[i].len > 4) {
    const char *p = x->text + x->t[i].off;
    const char *h = memchr(p, '-', x->t[i].len);
    if (h && h[1] >= 'A' && h[1] <= 'Z') return 1;
  }
  return 0;
}

static int in_sent(const fx_doc *x, size_t i, size_t j) {
  return j < x->n && x->t[j].sent == x->t[i].sent && !(x->t[j].flags & FX_BREAK);
}

static int add_ent(ectx *c, size_t b, size_t e, rcp_ent_type type, const char *canon, const char *role) {
  rcp_doc *d = c->d;
  fx_doc *x = c->x;
  rcp_entity_mention *a = rcp__fx_grow(d->arena, d->ents, d->nents, &c->cap, sizeof *a);
  if (!a) return rcp__arena_error(d->arena);
  d->ents = a;
  if (d->nents >= c->tcap) {
    size_t nc = c->tcap ? c->tcap * 2 : 64;
    uint32_t *nb = rcp__realloc(c->tb, nc * sizeof *nb);
    if (!nb) return RCP_ENOMEM;
    c->tb = nb;
    uint32_t *ne = rcp__realloc(c->te, nc * sizeof *ne);
    if (!ne) return RCP_ENOMEM;
    c->te = ne;
    unsigned char *nw = rcp__realloc(c->wk, nc);
    if (!nw) return RCP_ENOMEM;
    c->wk = nw;
    c->tcap = nc;
  }
  rcp_entity_mention *m = &a[d->nents];
  memset(m, 0, sizeof *m);
  m->off = x->t[b].off;
  m->len = x->t[e].off + x->t[e].len - m->off;
  m->type = type;
  m->sent = x->t[b].sent;
  m->name = rcp__arena_strndup(d->arena, x->text + m->off, m->len);
  char kb[512];
  size_t kl = rcp__fx_fold(x->text + m->off, m->len, kb, sizeof kb);
  m->key = rcp__arena_strndup(d->arena, kb, kl);
  m->canon = canon;
  m->role = role ? rcp__arena_strdup(d->arena, role) : NULL;
  if (!m->name || !m->key || (role && !m->role)) return rcp__arena_error(d->arena);
  c->tb[d->nents] = (uint32_t)b;
  c->te[d->nents] = (uint32_t)e;
  c->wk[d->nents] = 0;
  d->nents++;
  for (size_t k = b; k <= e; k++) x->used[k] = 1;
  return RCP_OK;
}

/* Longest gazetteer match starting at token i (up to 8 tokens, same
** sentence, words and ' - only).  Returns the last token or SIZE_MAX. */
/* Words before "le/du/au X" that point to a newspaper or a medium ("selon
** le Figaro", "les colonnes du Parisien", "a-t-il confié au Monde"), not to
** a common noun ("champion du Monde"). */
static int press_cue(const fx_doc *x, size_t k) {
  static const char *const t[] = {"selon", "colonnes", "informations", "information", "aupres",
    "entretien", "interview", "dans", "publie", "publiee", "paru", "parue", "pour", "par", "confie",
    "explique", "revele", "indique", "raconte", "declare", "dit", "assure", "precise", "affirme",
    "rapporte", "tribune", "edition", "site", "journalistes", "lecteurs", "redaction", "confiait",
    "expliquait", "indiquait", NULL};
  const char *w = x->t[k].key;
  size_t l = strlen(w);
  if (l > 3 && (!strcmp(w + l - 3, "-il") || (l > 5 && !strcmp(w + l - 5, "-elle")))) return 1;
  for (int i = 0; t[i]; i++) if (fx_eq(w, t[i])) return 1;
  return 0;
}

static size_t gaz_longest(const fx_doc *x, size_t i, fx_gaz_hit *hit) {
  size_t best = SIZE_MAX;
  char kb[256];
  for (size_t j = i; j < x->n && j < i + 8; j++) {
    if (j > i && !in_sent(x, i, j)) break;
    if (x->t[j].kind == FX_NUM && (j == i || x->t[j].len > 2)) break;
    if (x->t[j].kind == FX_PUNCT && x->t[j].key[0] != '-' && x->t[j].key[0] != '\'' &&
        x->t[j].key[0] != '.' && x->t[j].key[0] != '+')
      break;
    if (x->t[j].kind == FX_PUNCT && x->t[j].key[0] != '+') continue;
    size_t b = x->t[i].off, e = x->t[j].off + x->t[j].len;
    if (e - b > 200) break;
    rcp__fx_fold(x->text + b, e - b, kb, sizeof kb);
    fx_gaz_hit h;
    if (rcp__fx_gaz(kb, &h)) {
      /* a multi-word match must end on a capitalised word or a known
      ** lowercase tail ("Nations unies", "Union européenne") */
      best = j;
      *hit = h;
    }
    /* a title whose article is written in lower case or contracted:
    ** "selon le Figaro", "les informations du Parisien" (Le Parisien) */
    if (i > 1 && (fx_is(x, i - 1, "le") || fx_is(x, i - 1, "du") || fx_is(x, i - 1, "au")) &&
        !(x->t[i - 1].flags & FX_CAP) && press_cue(x, i - 2) && strlen(kb) + 4 < sizeof kb) {
      char kl[260];
      snprintf(kl, sizeof kl, "le %s", kb);
      if (rcp__fx_gaz(kl, &h) && h.type == 'O' && (best == SIZE_MAX || j >= best)) {
        best = j;
        *hit = h;
      }
    }
  }
  return best;
}

static const char *role_before(const fx_doc *x, size_t i) {
  size_t lim = i > 8 ? i - 8 : 0;
  /* "sociologue de l'Agriculture": a complement, not a name */
  if (i > 0 && (fx_is(x, i - 1, "de") || fx_is(x, i - 1, "du") || fx_is(x, i - 1, "des") ||
                fx_is(x, i - 1, "d'") || fx_is(x, i - 1, "l'") || fx_is(x, i - 1, "la") ||
                fx_is(x, i - 1, "of") || fx_is(x, i - 1, "the")))
    return NULL;
  for (size_t k = i; k-- > lim;) {
    const fx_tok *t = &x->t[k];
    if (t->sent != x->t[i].sent) return NULL;
    if (t->kind == FX_PUNCT && t->key[0] != '\'' && t->key[0] != '-') return NULL;
    if (t->kind == FX_WORD && is_role(t->key) && strcmp(t->key, "ministere") != 0) return t->key;
  }
  return NULL;
}

static int in_list(const char *k, const char *const *t) {
  for (int i = 0; t[i]; i++) if (fx_eq(k, t[i])) return 1;
  return 0;
}

/* The common noun just before a name that says what the name is: "le
** groupe Kraftwerk", "l'assureur américain FM Global", "la ville de Rouen",
** "la prison d'Evin", "le chanteur X".  Returns 'O', 'L', 'P' or 0. */
static char kind_noun_before(const fx_doc *x, size_t b) {
  static const char *const org[] = {"groupe", "societe", "entreprise", "assureur", "constructeur",
    "fabricant", "editeur", "operateur", "geant", "magazine", "quotidien", "journal", "hebdomadaire",
    "chaine", "radio", "site", "reseau", "application", "appli", "plateforme", "marque", "enseigne",
    "association", "ong", "syndicat", "parti", "mouvement", "fondation", "club", "equipe", "institut",
    "cabinet", "agence", "banque", "laboratoire", "firme", "compagnie", "start-up", "startup", "maison",
    "barometre", "label", "collectif", "studio", "media", "organisation", "formation", "coalition",
    "distributeur", "transporteur", "cimenterie", "usine", "constructeurs", "groupes", "ongs",
    "associations", "partis", "syndicats", "banques", "compagnies", "company", "firm", "group",
    "newspaper", "magazine", "network", "party", "union", "band", "brand", "team", "airline",
    "television", "tele", "hopital", "clinique", "universite", "ecole", "lycee", "college", "federation",
    "maison-mere", "filiale", "proprietaire", "ong", "institut", "sondeur", "regie", NULL};
  static const char *const loc[] = {"ville", "commune", "village", "region", "province", "departement",
    "pays", "capitale", "quartier", "ile", "comte", "localite", "port", "station", "vallee", "massif",
    "fleuve", "riviere", "lac", "mer", "prison", "gare", "parc", "chateau", "aeroport", "plage",
    "desert", "mont", "city", "town", "village", "province", "state", "island", "river", "cite",
    "metropole", "agglomeration", "canton", "arrondissement", "banlieue", "faubourg", "bourg", NULL};
  static const char *const per[] = {"chanteur", "chanteuse", "acteur", "actrice", "realisateur",
    "realisatrice", "ecrivain", "ecrivaine", "auteur", "autrice", "footballeur", "rappeur", "rappeuse",
    "artiste", "journaliste", "photographe", "militant", "militante", "etudiant", "etudiante", "epouse",
    "mari", "fils", "fille", "frere", "soeur", "pere", "mere", "veuve", "compagnon", "compagne",
    "humoriste", "animateur", "animatrice", "comedien", "comedienne", "musicien", "musicienne",
    "cycliste", "tennisman", "skieur", "nageur", "boxeur", "pilote", "coureur", "sprinteur",
    "milliardaire", "homme", "femme", "suspect", "victime", "adolescent", "adolescente", "singer",
    "actor", "actress", "writer", "player", "star", "legende", NULL};
  size_t k = b;
  if (k == 0) return 0;
  k--;
  static const char *const per_de[] = {"mort", "deces", "meurtre", "assassinat", "disparition",
    "obseques", "funerailles", "proces", "arrestation", "famille", "entourage", "avocat", "avocats",
    "epouse", "veuve", "mari", "fils", "fille", "frere", "soeur", "pere", "mere", "biographe", NULL};
  /* "de l'Iron Range", "de la Loire" */
  if (k > 0 && (fx_is(x, k, "l'") || fx_is(x, k, "la")) && (fx_is(x, k - 1, "de") || fx_is(x, k - 1, "d'"))) k--;
  if (fx_is(x, k, "de") || fx_is(x, k, "d'") || fx_is(x, k, "du")) {
    if (k == 0) return 0;
    k--;
    /* "la région minière de X": one adjective between */
    if (k > 0 && x->t[k].kind == FX_WORD && !(x->t[k].flags & FX_CAP) && is_org_adj(x->t[k].key) &&
        in_list(x->t[k - 1].key, loc))
      k--;
    /* places take "de": "la ville de X", "la prison d'Evin"; people in
    ** "la mort de X", "la famille de X" */
    for (int i = 0; loc[i]; i++) if (fx_is(x, k, loc[i])) return 'L';
    for (int i = 0; per_de[i]; i++) if (fx_is(x, k, per_de[i])) return 'P';
    /* "le fabricant de lubrifiant X" */
    if (k > 1 && x->t[k].kind == FX_WORD && !(x->t[k].flags & FX_CAP) &&
        (fx_is(x, k - 1, "de") || fx_is(x, k - 1, "d'"))) {
      for (int i = 0; org[i]; i++) if (fx_is(x, k - 2, org[i])) return 'O';
    }
    return 0;
  }
  /* adjectives between the noun and the name ("l'assureur américain X"),
  ** unless the word is itself a kind noun ("hôpital", "clinique" end like
  ** adjectives) */
  for (int adj = 0; adj < 2 && k > 0 && x->t[k].kind == FX_WORD && !(x->t[k].flags & FX_CAP) &&
                    is_org_adj(x->t[k].key) && !is_role(x->t[k].key) && !in_list(x->t[k].key, org) &&
                    !in_list(x->t[k].key, loc) && !in_list(x->t[k].key, per);
       adj++)
    k--;
  if (x->t[k].kind != FX_WORD || (x->t[k].flags & FX_CAP)) return 0;
  for (int i = 0; org[i]; i++) if (fx_is(x, k, org[i])) return 'O';
  for (int i = 0; loc[i]; i++) if (fx_is(x, k, loc[i])) return 'L';
  for (int i = 0; per[i]; i++) if (fx_is(x, k, per[i])) return 'P';
  return 0;
}

/* First words of names of events, works and laws (not entities here). */
static int is_misc_head(const char *k) {
  static const char *const t[] = {"fete", "journee", "salon", "coupe", "championnat", "tour", "jeux",
    "accord", "accords", "traite", "loi", "plan", "prix", "nouvel", "mondial", "euro", "sommet",
    "fashion", "festival", "grand", "operation", "affaire", "affaires", "proces", "guerre", "revolution",
    "printemps", "semaine", "nuit", "marche", "covid", "covid-19", "brexit", "american", "black",
    "tgv", "ter", "vol", "route", "autoroute", "rue", "avenue", "boulevard", "place", "pont",
    "mardi", "noel", "paques", "toussaint", "ramadan", "aid", "hanoucca", "saint-sylvestre",
    "reveillon", "assises", "etats", NULL};
  for (int i = 0; t[i]; i++) if (fx_eq(k, t[i])) return 1;
  return 0;
}

static int is_compass(const char *k) {
  return fx_eq(k, "nord") || fx_eq(k, "sud") || fx_eq(k, "est") || fx_eq(k, "ouest") ||
         fx_eq(k, "centre") || fx_eq(k, "north") || fx_eq(k, "south") || fx_eq(k, "east") ||
         fx_eq(k, "west") || fx_eq(k, "nord-est") || fx_eq(k, "nord-ouest") ||
         fx_eq(k, "sud-est") || fx_eq(k, "sud-ouest");
}

/* Last words that end organisation names: "One America News Network". */
static int is_org_tail(const char *k) {
  static const char *const t[] = {"network", "news", "group", "groupe", "corporation", "corp", "inc",
    "ltd", "sa", "sas", "airlines", "airways", "bank", "partners", "international", "global",
    "media", "holding", "holdings", "company", "foundation", "institute", "university", "association",
    "club", "fc", "games", "motors", "technologies", "pharma", "energies", "telecom", "capital",
    "initiatives", "division", "business", "logistique", "industries", "systems", "records",
    "studios", "entertainment", "television", "tv", "radio", "info", "presse", "press", NULL};
  for (int i = 0; t[i]; i++) if (fx_eq(k, t[i])) return 1;
  return 0;
}

/* ", le réseau social", ", sa maison-mère" after the span. */
static char kind_noun_after(const fx_doc *x, size_t e) {
  size_t k = e + 1;
  if (k >= x->n || x->t[k].key[0] != ',') return 0;
  k++;
  if (fx_is(x, k, "le") || fx_is(x, k, "la") || fx_is(x, k, "l'") || fx_is(x, k, "les") ||
      fx_is(x, k, "un") || fx_is(x, k, "une") || fx_is(x, k, "son") || fx_is(x, k, "sa") ||
      fx_is(x, k, "ses") || fx_is(x, k, "leur") || fx_is(x, k, "the") || fx_is(x, k, "a"))
    k++;
  /* ", le patron du groupe": a role in apposition makes a person */
  if (k < x->n && x->t[k].kind == FX_WORD && !(x->t[k].flags & FX_CAP) && is_role(x->t[k].key) &&
      !fx_is(x, k, "ministere"))
    return 'P';
  /* probe kind_noun_before on the token after the noun (and its adjectives) */
  size_t q = k;
  while (q < x->n && q < k + 3 && x->t[q].kind == FX_WORD && !(x->t[q].flags & FX_CAP)) {
    q++;
    if (q < x->n) {
      char kn = kind_noun_before(x, q);
      if (kn == 'O' || kn == 'L') return kn;
    }
  }
  return 0;
}

/* ", ministre de ...", ", porte-parole de ...", ", 45 ans," after the span. */
static int apposition_after(const fx_doc *x, size_t e) {
  if (e + 2 >= x->n || x->t[e + 1].key[0] != ',') return 0;
  size_t k = e + 2;
  if (fx_is(x, k, "le") || fx_is(x, k, "la") || fx_is(x, k, "l'") || fx_is(x, k, "un") ||
      fx_is(x, k, "une") || fx_is(x, k, "the") || fx_is(x, k, "a")) k++;
  if (k < x->n && x->t[k].kind == FX_WORD && is_role(x->t[k].key) && strcmp(x->t[k].key, "ministere") != 0) return 1;
  if (k + 1 < x->n && x->t[k].kind == FX_NUM && (fx_is(x, k + 1, "ans") || fx_is(x, k + 1, "years"))) return 1;
  return 0;
}

/* Speech verbs right after the span make it a person or an organisation. */
static int speaks_after(const fx_doc *x, size_t e) {
  static const char *const v[] = {"a", "explique", "affirme", "declare", "estime", "souligne",
    "assure", "indique", "precise", "ajoute", "said", "says", "told", NULL};
  if (e + 1 >= x->n) return 0;
  for (int k = 0; v[k]; k++)
    if (fx_is(x, e + 1, v[k])) {
      if (k == 0) return fx_is(x, e + 2, "declare") || fx_is(x, e + 2, "affirme") ||
                         fx_is(x, e + 2, "dit") || fx_is(x, e + 2, "explique") || fx_is(x, e + 2, "estime") ||
                         fx_is(x, e + 2, "annonce") || fx_is(x, e + 2, "souligne") || fx_is(x, e + 2, "assure");
      return 1;
    }
  return 0;
}

int rcp__facts_entities(fx_doc *x, rcp_doc *d) {
  ectx c;
  memset(&c, 0, sizeof c);
  c.x = x; c.d = d;
  int rc = RCP_OK;
  for (size_t i = 0; i < x->n && rc == RCP_OK; i++) {
    if (x->used[i] || x->t[i].kind != FX_WORD) continue;
    const char *k = x->t[i].key;
    int lower_ministry = fx_eq(k, "ministere") && !capish(x, i) &&
                         (fx_is(x, i + 1, "de") || fx_is(x, i + 1, "des") || fx_is(x, i + 1, "du")) &&
                         (capish(x, i + 2) || (fx_is(x, i + 2, "la") && capish(x, i + 3)) ||
                          (fx_is(x, i + 2, "l'") && capish(x, i + 3)));
    if (!capish(x, i) && !lower_ministry) continue;
    if ((x->t[i].flags & FX_ALLCAP) && common_acronym(k)) continue;
    /* a word glued after a number is a unit or a time: "18H00", "5G" */
    if ((x->t[i].flags & FX_GLUE) && i > 0 && x->t[i - 1].kind == FX_NUM) continue;
    /* a word after an opening quote, a colon, a bracket or a dash starts a
    ** sentence as far as capitals go */
    int sent0 = (x->t[i].flags & FX_SENT0) ||
                (i > 0 && x->t[i - 1].kind == FX_PUNCT &&
                 (x->t[i - 1].key[0] == '"' || x->t[i - 1].key[0] == '(' || x->t[i - 1].key[0] == ':' ||
                  x->t[i - 1].key[0] == '-' || fx_eq(x->t[i - 1].key, "\xc2\xab") ||
                  fx_eq(x->t[i - 1].key, "\xe2\x80\x9c")));
    /* titles: M. Dupont, Mme Hidalgo */
    int titled = 0;
    if (is_title(x, i)) {
      size_t n2 = i + 1;
      if (n2 < x->n && x->t[n2].key[0] == '.' && (x->t[n2].flags & FX_GLUE)) n2++;
      if (capish(x, n2) && in_sent(x, i, n2) && !is_func(x->t[n2].key)) { titled = 1; i = n2; }
      else continue;
    } else if (is_func(k) && (sent0 || !capish(x, i + 1))) {
      continue;
    }
    size_t b = i;
    /* role words at the start are cues, not part of the name */
    const char *role = NULL;
    while (!titled && b < x->n && x->t[b].kind == FX_WORD && is_role(x->t[b].key) && capish(x, b) &&
           strcmp(x->t[b].key, "ministere") != 0) {
      role = x->t[b].key;
      size_t nb = b + 1;
      while (nb < x->n && in_sent(x, b, nb) && !capish(x, nb) && x->t[nb].kind == FX_WORD &&
             (is_role(x->t[nb].key) || is_particle(x->t[nb].key)) && nb < b + 4) nb++;
      if (!capish(x, nb) || !in_sent(x, b, nb)) { b = SIZE_MAX; break; }
      b = nb;
    }
    if (b == SIZE_MAX) continue;
    /* "Mort de Florian Schneider", "Ouest de l'Allemagne": a sentence-initial
    ** common word or a compass word before a particle is not part of the name */
    if (!titled && b + 2 < x->n && !org_head_of(x, b) && !rcp__fx_firstname(x->t[b].key) &&
        (is_compass(x->t[b].key) || (sent0 && b == i)) && is_particle(x->t[b + 1].key) &&
        /* "Trump et Biden": a coordination joins two names */
        !fx_is(x, b + 1, "et") && !fx_is(x, b + 1, "and")) {
      fx_gaz_hit h0;
      if (is_compass(x->t[b].key) || !rcp__fx_gaz(x->t[b].key, &h0)) {
        size_t nb = b + 1;
        while (nb < x->n && nb < b + 3 && is_particle(x->t[nb].key) && !capish(x, nb)) nb++;
        if (capish(x, nb) && in_sent(x, b, nb) && !is_func(x->t[nb].key)) { b = nb; i = nb; }
      }
    }
    /* gazetteer first */
    fx_gaz_hit hit = {0, NULL, NULL, 0};
    size_t ge = titled ? SIZE_MAX : gaz_longest(x, b, &hit);
    /* capitalised run */
    size_t e = b;
    for (;;) {
      size_t nx = e + 1;
      if (capish(x, nx) && in_sent(x, b, nx) && !(x->t[nx].flags & FX_SENT0) &&
          !x->used[nx] && !is_title(x, nx)) { e = nx; continue; }
      if (nx < x->n && x->t[nx].kind == FX_PUNCT && x->t[nx].key[0] == '-' && capish(x, nx + 1) &&
          (x->t[nx].flags & FX_GLUE) && (x->t[nx + 1].flags & FX_GLUE)) { e = nx + 1; continue; }
      if (nx < x->n && x->t[nx].kind == FX_WORD && is_particle(x->t[nx].key) && in_sent(x, b, nx) &&
          /* a person is not "of" an organisation: "Philippe Capon de l'Unsa" */
          !(rcp__fx_firstname(x->t[b].key) && e > b &&
            (fx_is(x, nx, "du") || fx_is(x, nx, "des") || fx_is(x, nx + 1, "l'") || fx_is(x, nx, "l'") ||
             (nx + 1 < x->n && (x->t[nx + 1].flags & FX_ALLCAP)) ||
             (nx + 2 < x->n && (x->t[nx + 2].flags & FX_ALLCAP))))) {
        size_t n2 = nx + 1;
        if (n2 < x->n && x->t[n2].kind == FX_WORD && is_particle(x->t[n2].key) && !capish(x, n2)) n2++;
        if (capish(x, n2) && in_sent(x, b, n2) && !is_func(x->t[n2].key) && !is_title(x, n2) &&
            !x->used[n2] && (strcmp(x->t[nx].key, "et") != 0 && strcmp(x->t[nx].key, "and") != 0 &&
                             strcmp(x->t[nx].key, "en") != 0 && strcmp(x->t[nx].key, "les") != 0)) {
          e = n2;
          continue;
        }
      }
      break;
    }
    /* two names run together: "de Paris Anne Hidalgo", "la Santé Agnès
    ** Buzyn": cut before a first name that starts a new capitalised pair */
    int complement = b > 0 && (fx_is(x, b - 1, "de") || fx_is(x, b - 1, "du") || fx_is(x, b - 1, "la") ||
                               fx_is(x, b - 1, "l'") || fx_is(x, b - 1, "des") || fx_is(x, b - 1, "d'"));
    if (!titled && e > b + 1) {
      for (size_t k2 = b + 1; k2 < e; k2++)
        if (x->t[k2].kind == FX_WORD && capish(x, k2) && rcp__fx_firstname(x->t[k2].key) &&
            capish(x, k2 + 1) &&
            (complement || (ge != SIZE_MAX && ge == k2 - 1) ||
             (sent0 && k2 == b + 2 && is_particle(x->t[b + 1].key) && !rcp__fx_firstname(x->t[b].key)) ||
             (k2 == b + 1 && !rcp__fx_firstname(x->t[b].key) && is_role(x->t[b].key)))) {
          e = k2 - 1;
          if (ge != SIZE_MAX && ge > e) ge = SIZE_MAX;
          break;
        }
    }
    if (ge != SIZE_MAX && ge < e && ge >= b) {
      /* keep a gazetteer prefix only when the whole run is that name */
    }
    rcp_ent_type type = RCP_ENT_OTHER;
    const char *canon = NULL;
    int weak_org = 0;
    int org_head = is_org_head(x->t[b].key) || lower_ministry;
    if (ge != SIZE_MAX && ge >= e) {
      if (hit.type == 'D') { i = ge; continue; }          /* demonym: not an entity */
      e = ge;
      type = hit.type == 'O' ? RCP_ENT_ORG : hit.type == 'P' ? RCP_ENT_PERSON : RCP_ENT_PLACE;
      canon = hit.id;
      /* "la reine Elizabeth": a role right before a first name that is also
      ** a town makes a person */
      if (type == RCP_ENT_PLACE && e == b && b > 0 && x->t[b - 1].kind == FX_WORD &&
          !(x->t[b - 1].flags & FX_CAP) && is_role(x->t[b - 1].key) && !fx_is(x, b - 1, "ministere") &&
          rcp__fx_firstname(x->t[b].key)) {
        type = RCP_ENT_PERSON;
        canon = NULL;
      }
      /* "Christiane Lambert" where "Christiane" is also a town: a first name
      ** followed by a capitalised word is a person */
    } else if (org_head && !titled) {
      /* extend over adjectives and "de la X": Organisation mondiale de la santé */
      size_t k2 = e + 1;
      int nouns = 0;
      while (k2 < x->n && in_sent(x, b, k2) && k2 < b + 10) {
        if (x->t[k2].kind != FX_WORD) break;
        if (!capish(x, k2) && is_org_adj(x->t[k2].key)) { e = k2++; continue; }
        if (is_particle(x->t[k2].key) && !fx_is(x, k2, "et") && !fx_is(x, k2, "en") && !fx_is(x, k2, "les") &&
            !fx_is(x, k2, "le") && !fx_is(x, k2, "la") && !fx_is(x, k2, "l'")) {
          size_t n2 = k2 + 1;
          if (n2 < x->n && (fx_is(x, n2, "la") || fx_is(x, n2, "l'"))) n2++;
          if (capish(x, n2) && in_sent(x, b, n2) && !is_func(x->t[n2].key)) { e = n2; k2 = n2 + 1; continue; }
          if (!nouns && n2 < x->n && x->t[n2].kind == FX_WORD && !capish(x, n2) && !is_func(x->t[n2].key) &&
              in_sent(x, b, n2) && x->t[n2].len >= 4 && rcp__fx_numword(x->t[n2].key) < 0 &&
              !(n2 + 1 < x->n && x->t[n2 + 1].kind == FX_WORD && !is_particle(x->t[n2 + 1].key) &&
                !is_org_adj(x->t[n2 + 1].key) && !capish(x, n2 + 1) && !is_func(x->t[n2 + 1].key)) &&
              strcmp(x->t[k2].key, "des") != 0) {
            nouns = 1; e = n2; k2 = n2 + 1; continue;
          }
        }
        break;
      }
      /* the acronym in brackets a few words on spells a longer name:
      ** "Commission de régulation de l'énergie (CRE)" */
      for (size_t p = e + 1; p < x->n && p < e + 10 && in_sent(x, b, p); p++) {
        if (x->t[p].kind == FX_PUNCT && x->t[p].key[0] != '\'' && x->t[p].key[0] != '-') {
          if (x->t[p].key[0] == '(' && p + 2 < x->n && (x->t[p + 1].flags & FX_ALLCAP) &&
              x->t[p + 2].key[0] == ')' && p > e + 1) {
            char kx[256], in[32];
            size_t o1 = x->t[b].off, o2 = x->t[p - 1].off + x->t[p - 1].len;
            rcp__fx_fold(x->text + o1, o2 - o1 > 250 ? 250 : o2 - o1, kx, sizeof kx);
            rcp__fx_initials(kx, in, sizeof in);
            if (strlen(in) >= 3 && fx_eq(in, x->t[p + 1].key) && x->t[p - 1].kind == FX_WORD &&
                !is_particle(x->t[p - 1].key))
              e = p - 1;
          }
          break;
        }
      }
      fx_gaz_hit h2;
      char kb[256];
      size_t ob = x->t[b].off, oe = x->t[e].off + x->t[e].len;
      rcp__fx_fold(x->text + ob, oe - ob > 250 ? 250 : oe - ob, kb, sizeof kb);
      if (rcp__fx_gaz(kb, &h2) && h2.type == 'O') canon = h2.id;
      type = RCP_ENT_ORG;
      /* a head word alone at a sentence start ("Services from Brussels
      ** ...", "Police said"): its capital says nothing; it stays only if it
      ** recurs capitalised mid-sentence (second pass) */
      if (e == b && sent0 && !canon && !lower_ministry) type = RCP_ENT_OTHER;
    } else if (titled) {
      type = RCP_ENT_PERSON;
    } else {
      size_t len = e - b + 1;
      int first = rcp__fx_firstname(x->t[b].key);
      fx_gaz_hit h1;
      int first_is_place = rcp__fx_gaz(x->t[b].key, &h1) && h1.type != 'P' && h1.rank > 50000;
      if (ge != SIZE_MAX && ge < e && ge > b) {
        /* a known place or organisation followed by more capitals: keep the
        ** longer run only if it looks like a person */
      }
      char kn = kind_noun_before(x, b);
      if (!kn) kn = kind_noun_after(x, e);
      int allcap1 = len == 1 && (x->t[b].flags & FX_ALLCAP) && x->t[b].len <= 8;
      int allcaps = 1, has_place = 0;
      for (size_t k2 = b; k2 <= e; k2++) {
        if (x->t[k2].kind == FX_WORD && !(x->t[k2].flags & FX_ALLCAP) && !is_particle(x->t[k2].key)) allcaps = 0;
        fx_gaz_hit hp;
        /* "Irlande du Nord", "Kurdistan d'Irak": the place joined by a
        ** particle ("Paris Photo", "Paris Match" are not places) */
        if (((k2 == b && b + 1 <= e && is_particle(x->t[b + 1].key)) ||
             (k2 == e && e > b && is_particle(x->t[e - 1].key))) &&
            x->t[k2].kind == FX_WORD && rcp__fx_gaz(x->t[k2].key, &hp) && hp.type == 'L' && hp.rank >= 1000000)
          has_place = 1;
      }
      /* "Pnat" in brackets after its lowercase expansion */
      int bracketed = len == 1 && b > 0 && x->t[b - 1].key[0] == '(' && e + 1 < x->n && x->t[e + 1].key[0] == ')';
      /* ", Wahidullah Jumazada," after a role: "le porte-parole du gouverneur, X" */
      int role_comma = 0;
      if (len >= 2 && b > 1 && x->t[b - 1].key[0] == ',') {
        for (size_t k2 = b - 1; k2-- > 0 && k2 + 12 > b && x->t[k2].sent == x->t[b].sent;)
          if (x->t[k2].kind == FX_WORD && is_role(x->t[k2].key) && !fx_is(x, k2, "ministere")) { role_comma = 1; break; }
      }
      if (len >= 2 && allcaps) type = RCP_ENT_OTHER;           /* headings in capitals */
      else if (is_misc_head(x->t[b].key)) type = RCP_ENT_OTHER; /* events, works, laws */
      else if (is_org_tail(x->t[e].key) && len >= 2) type = RCP_ENT_ORG;
      else if (kn == 'O') type = RCP_ENT_ORG;
      else if (kn == 'L') type = RCP_ENT_PLACE;
      else if (allcap1) type = RCP_ENT_ORG;
      else if (len >= 2 && first && !first_is_place) type = RCP_ENT_PERSON;
      else if (kn == 'P') type = RCP_ENT_PERSON;
      else if (len >= 2 && first && (role_before(x, b) || apposition_after(x, e))) type = RCP_ENT_PERSON;
      else if (is_person_noun_cue(x, b)) type = RCP_ENT_PERSON;
      else if (apposition_after(x, e) && !(x->t[b].flags & FX_ALLCAP)) type = RCP_ENT_PERSON;
      else if (len >= 2 && speaks_after(x, e) && first) type = RCP_ENT_PERSON;
      else if (ge != SIZE_MAX && ge == b && len == 1) {
        type = hit.type == 'O' ? RCP_ENT_ORG : RCP_ENT_PLACE;
        canon = hit.id;
      } else if (role_comma) {
        type = RCP_ENT_PERSON;
      } else if (bracketed) {
        type = RCP_ENT_ORG;
      } else if (len >= 2 && has_place) {
        type = RCP_ENT_PLACE;  /* "Irlande du Nord", "Kurdistan d'Irak" */
      } else if (len == 1 && !sent0 && b > 0 &&
                 (fx_is(x, b - 1, "selon") || fx_is(x, b - 1, "sur") || fx_is(x, b - 1, "revele") ||
                  fx_is(x, b - 1, "rapporte") || fx_is(x, b - 1, "relate") || fx_is(x, b - 1, "via"))) {
        weak_org = 1;          /* "selon Mediapart", "sur Twitter": unless a person */
      } else if (len == 1 && !sent0 && b > 1 && !first && !(x->t[b].flags & FX_ALLCAP) && x->t[b].len >= 3 &&
                 !strpbrk(x->t[b].key, "0123456789") && fx_is(x, b - 1, "le") && fx_is(x, b - 2, "dans") &&
                 x->text[x->t[b - 1].off] == 'l') {
        type = RCP_ENT_PLACE;  /* "dans le Minnesota": an unknown single name */
      } else if (len >= 2 && !sent0 && !is_func(x->t[b].key) && RCP_FX_MULTI_DEFAULT_ORG) {
        type = RCP_ENT_ORG;   /* an unknown multi-word name with no cue */
      }
      if (role_before(x, b) && !role) role = role_before(x, b);
      if (type == RCP_ENT_OTHER && len == 1 && sent0) {
        /* sentence-initial unknown word: keep only if it recurs capitalised
        ** mid-sentence in the document (decided in the second pass) */
      }
    }
    rc = add_ent(&c, b, e, type, canon, role);
    if (rc == RCP_OK && weak_org) c.wk[d->nents - 1] = 1;
    i = e;
  }
  /* ---- second pass: consolidation inside the document ---------------- */
  if (rc == RCP_OK) {
    for (size_t m = 0; m < d->nents; m++) {
      rcp_entity_mention *em = &d->ents[m];
      size_t tb = c.tb[m], te = c.te[m];
      /* acronym in brackets after a name: "Organisation mondiale de la santé (OMS)" */
      if (te + 3 < x->n && x->t[te + 1].key[0] == '(' && (x->t[te + 2].flags & FX_ALLCAP) &&
          x->t[te + 3].key[0] == ')') {
        char in[32];
        rcp__fx_initials(em->key, in, sizeof in);
        const char *ak = x->t[te + 2].key;
        size_t al = strlen(ak);
        /* only an acronym of the name: its initials, or their beginning */
        int spells = al >= 2 && strlen(in) >= al && strncmp(in, ak, al) == 0;
        for (size_t m2 = m + 1; spells && m2 < d->nents; m2++)
          if (c.tb[m2] == te + 2) {
            rcp_entity_mention *ac = &d->ents[m2];
            if (!ac->canon) ac->canon = em->canon ? em->canon : em->key;
            if (!em->canon) em->canon = ac->canon;
            if (em->type != RCP_ENT_OTHER) ac->type = em->type;
            break;
          }
      }
      /* a single capitalised word: the surname of a person named in full */
      if (tb == te && (em->type == RCP_ENT_OTHER || em->type == RCP_ENT_PERSON) && !em->canon &&
          !(x->t[tb].flags & FX_ALLCAP) && strpbrk(em->key, "0123456789") == NULL && x->t[tb].len >= 3) {
        for (size_t m2 = 0; m2 < d->nents; m2++) {
          if (m2 == m || d->ents[m2].type != RCP_ENT_PERSON || c.tb[m2] == c.te[m2]) continue;
          if (c.te[m2] > 0 && is_particle(x->t[c.te[m2] - 1].key)) continue;  /* "Ferrari de Modène" */
          if (fx_eq(x->t[c.te[m2]].key, x->t[tb].key)) {
            em->type = RCP_ENT_PERSON;
            em->canon = d->ents[m2].key;
            break;
          }
        }
      }
    }
    /* unknown names take the type the same name has elsewhere in the
    ** document, or of the organisation they begin ("Epic" / "Epic Games") */
    for (size_t m = 0; m < d->nents; m++) {
      rcp_entity_mention *em = &d->ents[m];
      if (em->type != RCP_ENT_OTHER) continue;
      for (size_t m2 = 0; m2 < d->nents; m2++) {
        const rcp_entity_mention *o = &d->ents[m2];
        if (m2 == m || o->type == RCP_ENT_OTHER) continue;
        size_t kl = strlen(em->key);
        if (fx_eq(o->key, em->key)) {
          em->type = o->type;
          if (!em->canon) em->canon = o->canon;
          break;
        }
        /* "Epic" in a text about "Epic Games": the type only (a brand is not
        ** its model: "Chevrolet" / "Chevrolet Monte Carlo") */
        if (o->type == RCP_ENT_ORG && strncmp(o->key, em->key, kl) == 0 && o->key[kl] == ' ' &&
            !rcp__fx_firstname(em->key)) {
          em->type = o->type;
          break;
        }
      }
    }
    /* coordination: "Le Monde et Mediapart", "BFM Business, Challenges et Aviva" */
    for (size_t m = 1; m < d->nents; m++) {
      rcp_entity_mention *em = &d->ents[m];
      if (em->type != RCP_ENT_OTHER || c.wk[m]) continue;
      size_t tb = c.tb[m];
      if (tb >= 2 && (fx_is(x, tb - 1, "et") || fx_is(x, tb - 1, "ou") || x->t[tb - 1].key[0] == ',') &&
          c.te[m - 1] == tb - 2 && d->ents[m - 1].type != RCP_ENT_OTHER && d->ents[m - 1].type != RCP_ENT_PERSON)
        em->type = d->ents[m - 1].type;
    }
    for (size_t m = 0; m < d->nents; m++)
      if (c.wk[m] && d->ents[m].type == RCP_ENT_OTHER) d->ents[m].type = RCP_ENT_ORG;
    /* drop sentence-initial unknown single words that never occur
    ** capitalised elsewhere in the document */
    size_t w = 0;
    for (size_t m = 0; m < d->nents; m++) {
      rcp_entity_mention em = d->ents[m];
      size_t tb = c.tb[m];
      int keep = 1;
      if (em.type == RCP_ENT_OTHER && tb == c.te[m] && (x->t[tb].flags & FX_SENT0)) {
        keep = 0;
        for (size_t m2 = 0; m2 < d->nents && !keep; m2++)
          if (m2 != m && fx_eq(d->ents[m2].key, em.key) && !(x->t[c.tb[m2]].flags & FX_SENT0)) keep = 1;
      }
      if (keep) { c.tb[w] = c.tb[m]; c.te[w] = c.te[m]; d->ents[w++] = em; }
    }
    d->nents = w;
  }
  rcp__free(c.tb);
  rcp__free(c.te);
  rcp__free(c.wk);
  return rc;
}
