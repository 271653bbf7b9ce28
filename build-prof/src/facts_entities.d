build-prof/src/facts_entities.o: src/facts_entities.c src/facts_int.h \
 src/recoupe_int.h src/../include/recoupe.h
src/facts_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
