build-prof/src/ingest_json.o: src/ingest_json.c src/ingest_int.h \
 src/recoupe_int.h src/../include/recoupe.h
src/ingest_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
