build-prof/src/analyze.o: src/analyze.c src/recoupe_int.h \
 src/../include/recoupe.h src/../data/stopwords/fr.inc \
 src/../data/stopwords/en.inc
src/recoupe_int.h:
src/../include/recoupe.h:
src/../data/stopwords/fr.inc:
src/../data/stopwords/en.inc:
