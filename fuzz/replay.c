/* replay.c -- feeds files (or every file of directories) to a fuzz target's
** LLVMFuzzerTestOneInput, so a corpus replays under gcc+ASan without
** libFuzzer (after zstd's regression_driver.c). */
#include <dirent.h>   /* opendir */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h> /* stat */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); return 1; }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *b = malloc(n > 0 ? (size_t)n : 1);
  size_t got = b ? fread(b, 1, (size_t)(n > 0 ? n : 0), f) : 0;
  fclose(f);
  if (!b) return 1;
  LLVMFuzzerTestOneInput(b, got);
  free(b);
  return 0;
}

int main(int argc, char **argv) {
  int bad = 0, n = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) { perror(argv[i]); bad = 1; continue; }
    if (!S_ISDIR(st.st_mode)) { bad |= run_file(argv[i]); n++; continue; }
    struct dirent **ents;
    int k = scandir(argv[i], &ents, NULL, alphasort);
    for (int j = 0; j < k; j++) {
      if (ents[j]->d_name[0] != '.') {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", argv[i], ents[j]->d_name);
        bad |= run_file(p);
        n++;
      }
      free(ents[j]);
    }
    free(ents);
  }
  fprintf(stderr, "replayed %d inputs\n", n);
  return bad;
}
