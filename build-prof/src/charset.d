build-prof/src/charset.o: src/charset.c src/ingest_int.h \
 src/recoupe_int.h src/../include/recoupe.h
src/ingest_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
