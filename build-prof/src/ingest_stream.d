build-prof/src/ingest_stream.o: src/ingest_stream.c src/ingest_int.h \
 src/recoupe_int.h src/../include/recoupe.h
src/ingest_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
