build-prof/src/alloc.o: src/alloc.c src/recoupe_int.h \
 src/../include/recoupe.h
src/recoupe_int.h:
src/../include/recoupe.h:
