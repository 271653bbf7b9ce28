build-prof/src/extract_meta.o: src/extract_meta.c src/recoupe_int.h \
 src/../include/recoupe.h
src/recoupe_int.h:
src/../include/recoupe.h:
