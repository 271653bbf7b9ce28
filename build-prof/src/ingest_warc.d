build-prof/src/ingest_warc.o: src/ingest_warc.c src/ingest_int.h \
 src/recoupe_int.h src/../include/recoupe.h
src/ingest_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
