build-prof/src/facts_dates.o: src/facts_dates.c src/facts_int.h \
 src/recoupe_int.h src/../include/recoupe.h
src/facts_int.h:
src/recoupe_int.h:
src/../include/recoupe.h:
