"""Writes the .npy fixtures of FamilyReaderNpyTest.numpyWrittenFilesAreRead with numpy itself.

G[s, i, c] = (s + 1) * (i + 1) - 2 * c + 0.25 * s for n = 3, d = 4, k = 2, and H[s] = G[s] G[s]^T;
every value is exact in float32, so each file must read back bit for bit.
Run from this directory: python3 make_fixtures.py
"""
import numpy as np
from numpy.lib import format as npformat

n, d, k = 3, 4, 2
s, i, c = np.meshgrid(np.arange(n), np.arange(d), np.arange(k), indexing="ij")
G = (s + 1) * (i + 1) - 2 * c + 0.25 * s
H = np.einsum("sic,sjc->sij", G, G)

np.save("dense_f8_c_le.npy", H.astype("<f8"))
np.save("dense_f4_f_be.npy", np.asfortranarray(H.astype(">f4")))
np.save("factor_f8_f_le.npy", np.asfortranarray(G.astype("<f8")))
np.save("factor_f4_c_be.npy", G.astype(">f4"))
with open("dense_f8_v2.npy", "wb") as f:
    npformat.write_array(f, H, version=(2, 0))
with open("factor_f4_v3.npy", "wb") as f:
    npformat.write_array(f, np.asfortranarray(G.astype("<f4")), version=(3, 0))
