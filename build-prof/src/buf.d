build-prof/src/buf.o: src/buf.c src/recoupe_int.h \
 src/../include/recoupe.h
src/recoupe_int.h:
src/../include/recoupe.h:
