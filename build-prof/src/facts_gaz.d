build-prof/src/facts_gaz.o: src/facts_gaz.c src/facts_int.h \
 src/recoupe_int.h src/../include/recoupe.h
src/facts_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
