build-prof/src/html.o: src/html.c src/recoupe_int.h \
 src/../include/recoupe.h src/html.h
src/recoupe_int.h:
src/../include/recoupe.h:
src/html.h:
