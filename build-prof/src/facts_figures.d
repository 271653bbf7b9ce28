build-prof/src/facts_figures.o: src/facts_figures.c src/facts_int.h \
 src/recoupe_int.h src/../include/recoupe.h
src/facts_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
