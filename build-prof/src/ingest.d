build-prof/src/ingest.o: src/ingest.c src/ingest_int.h src/recoupe_int.h \
 src/../include/recoupe.h
src/ingest_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
