// Thin Pythia 8 wrapper for scripts/pythia-pools (see its README.md): reads events of partons
// (or a single hadron at rest) from stdin, one per line, lets Pythia hadronise them and decay
// every unstable particle, and writes each event's final state. fipgen's own TypeScript draws
// the partons (with its matrix elements) and classifies the output; nothing physics-specific
// is decided here beyond Pythia's settings below.
//
// Input line:  <tag> <n> (<id> <px> <py> <pz> <E> <m>) x n      [GeV, N's rest frame]
//   quarks get colour 101, antiquarks anticolour 101 (one colour singlet), which showers
//   (final-state radiation from the pair's mass down) before it hadronises; with n = 1 the
//   particle is a hadron at rest that Pythia decays.
// Output line: <tag> <primary hadrons> <final particles> (<id> <px> <py> <pz> <E>) x final
//   or "<tag> fail" when Pythia cannot hadronise the system.
//
// Build: g++ -O2 hadronise.cc -I$PYTHIA8/include -L$PYTHIA8/lib -lpythia8 -ldl -o hadronise
// Usage: hadronise <seed> [unpolarised-taus] < partons.txt > hadrons.txt
//   unpolarised-taus: a tau among the partons decays unpolarised (its polarisation from N's
//   decay is not passed on); without it Pythia's default tau decays (a D(s) -> tau nu chain
//   polarised as Pythia models it).

#include "Pythia8/Pythia.h"
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

using namespace Pythia8;

int main(int argc, char* argv[]) {
  if (argc == 2 && std::string(argv[1]) == "--version") {
    std::printf("%.3f\n", PYTHIA_VERSION);
    return 0;
  }
  const bool unpolarisedTaus = argc == 3 && std::string(argv[2]) == "unpolarised-taus";
  if (argc < 2 || argc > 3 || (argc == 3 && !unpolarisedTaus)) {
    std::cerr << "usage: hadronise <seed> [unpolarised-taus] < partons.txt > hadrons.txt\n";
    return 2;
  }
  Pythia pythia("../share/Pythia8/xmldoc", false);  // PYTHIA8DATA, when set, names the xmldoc folder instead
  pythia.readString("Print:quiet = on");
  pythia.readString("ProcessLevel:all = off");  // only hadronisation and decays of what we give it
  pythia.readString("Check:event = off");
  pythia.readString("Next:numberCount = 0");
  if (unpolarisedTaus) {
    pythia.readString("TauDecays:mode = 3");
    pythia.readString("TauDecays:tauPolarization = 0");
  }
  pythia.readString("Random:setSeed = on");
  pythia.readString(std::string("Random:seed = ") + argv[1]);
  if (!pythia.init()) return 1;
  Event& event = pythia.event;

  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string tag;
    int n = 0;
    if (!(in >> tag >> n) || n < 1) continue;
    event.reset();
    int first = 0, last = 0;  // the quark pair's indices in the event record
    for (int k = 0; k < n; ++k) {
      int id;
      double px, py, pz, e, m;
      in >> id >> px >> py >> pz >> e >> m;
      int col = (id > 0 && id < 6) ? 101 : 0;
      int acol = (id < 0 && id > -6) ? 101 : 0;
      int i = event.append(id, n == 1 ? 1 : 23, col, acol, px, py, pz, e, m);
      if (col || acol) {
        if (!first) first = i;
        last = i;
      }
    }
    if (first && last == first + 1) {
      // The pair showers from its own mass down (as Pythia's examples/main21.cc does for q qbar).
      double scale = (event[first].p() + event[last].p()).mCalc();
      event[first].scale(scale);
      event[last].scale(scale);
      pythia.forceTimeShower(first, last, scale);
    }
    if (!pythia.next()) {
      std::printf("%s fail\n", tag.c_str());
      continue;
    }
    int primary = 0;
    int final = 0;
    for (int i = 0; i < event.size(); ++i) {
      if (event[i].statusAbs() >= 81 && event[i].statusAbs() <= 89) ++primary;
      if (event[i].isFinal()) ++final;
    }
    std::printf("%s %d %d", tag.c_str(), primary, final);
    for (int i = 0; i < event.size(); ++i) {
      const Particle& p = event[i];
      if (p.isFinal()) std::printf(" %d %.7g %.7g %.7g %.7g", p.id(), p.px(), p.py(), p.pz(), p.e());
    }
    std::printf("\n");
  }
  return 0;
}
