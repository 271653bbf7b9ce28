build-prof/src/extract.o: src/extract.c src/recoupe_int.h \
 src/../include/recoupe.h
src/recoupe_int.h:
src/../include/recoupe.h:
