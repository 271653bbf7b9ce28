/* placeholders.c -- weak stand-ins for public calls whose stage has not
** landed yet.  Each answers "not built yet" honestly; the real (strong)
** definition in the stage's own file replaces it at link time.  This file
** is deleted once every stage has landed. */
#include "recoupe_int.h"

#define WEAK __attribute__((weak))

static int not_yet(rcp_ctx *ctx, const char *what) {
  return rcp__err(ctx, RCP_EINVAL, "%s: not built yet", what);
}

WEAK int rcp_stories_json(rcp_ctx *ctx, const rcp_story_filter *f, int pretty, char **out) {
  (void)f; (void)pretty; *out = NULL; return not_yet(ctx, "stories");
}
WEAK int rcp_story_json(rcp_ctx *ctx, const char *id, int pretty, char **out) {
  (void)id; (void)pretty; *out = NULL; return not_yet(ctx, "story");
}
WEAK int rcp_dedup(rcp_ctx *ctx, rcp_doc *const *docs, size_t n, rcp_relation **rels, size_t *nrels) {
  (void)docs; (void)n; *rels = NULL; *nrels = 0; return not_yet(ctx, "dedup");
}
