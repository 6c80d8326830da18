#!/usr/bin/python3
"""FEniCSx/dolfinx peers for docs/benchmarks.md problems A and B (Debian's python3-dolfinx 0.5.2, run
with Debian's /usr/bin/python3, OMP_NUM_THREADS=1, one MPI process). Times are from mesh build
to last output, imports and the one-off FFCx JIT compilation excluded (an untimed warm-up run
fills the JIT cache), median of 3; each run reports its worst relative error over the six
outputs against the reference, so the comparison with `transport_bench` is at equal accuracy.

A: 1-D P1 on a graded interval mesh (fine at the top and on both sides of the SC/VE
   interface), weak form int D u' v' dz.
B: axisymmetric r-z P1 on a graded tensor-product triangle mesh (dolfinx.mesh.create_rectangle
   on the unit square, its node coordinates then mapped onto graded r and z nodes; fine towards
   the channel wall r = 35 um, the SC/VE interface z = 15 um and the top z = 0; each rectangle
   split along its "left" diagonal, which is ~20 % more accurate here than the default "right");
   the weak form carries the r weight: int u v r dr dz and int D grad u . grad v r dr dz, with D
   cell-wise (DG0). The channel below the SC has the tissue's D, so z = 460 um needs no mesh line.

Both: units um, s (D in um^2/s); mass and stiffness matrices assembled once (no Dirichlet
rows), the system matrix a0/h M + K built from them in PETSc, Dirichlet rows and columns
eliminated, factorized once per distinct step (backward Euler start, then BDF2 with a fixed
step: two factorizations in all) by MUMPS LU through a PETSc KSP ("preonly" / "lu").

Outflow Q(t): the consistent reaction at the bottom, F = -(M u' + K u) . w with w = 1 on the
bottom nodes, i.e. the residual of the unconstrained equations there, with u' the same BDF
difference the step used and Q accumulated by the same BDF formula as u. Because the rows of
K sum to zero this Q equals, to round-off, (inflow at the top) - (amount in the domain), the
discrete mass balance. B's Q is per unit area of the cell: 2 pi * reaction / (pi R^2).

JSON on stderr (its last line), one entry per configuration: name, cells (P1 unknowns = mesh
vertices, Dirichlet ones included: the size of the linear system, set against the FV cell
counts), mesh_cells, seconds, worst_relative_error, errors (all six, signed), dt, parameters,
peak_rss_mb (the process's peak so far, imports included).
Usage: dolfinx_peers.py            the configurations that run_peers.sh compares
       dolfinx_peers.py --sweep    the mesh / time-step search behind them (slow)
"""
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import json  # noqa: E402
import logging  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import ufl  # noqa: E402
from mpi4py import MPI  # noqa: E402
from petsc4py import PETSc  # noqa: E402

import dolfinx  # noqa: E402
import dolfinx.fem.petsc  # noqa: E402
import dolfinx.mesh  # noqa: E402

logging.disable(logging.INFO)  # FFCx's JIT (via setuptools) logs its compiler calls at INFO on stderr

HOURS = np.array([1, 2, 4, 8, 12, 24.0])
REF_A = np.array([2.556552e-05, 1.879402e-04, 6.471849e-04, 1.605150e-03, 2.564019e-03, 5.440631e-03])
REF_B = np.array([3.162039e-02, 7.250455e-02, 1.544675e-01, 3.184301e-01, 4.823935e-01, 9.742836e-01])
UM_CM = 1e-4                    # 1 um in cm: Q in um * (mg/cm^3) -> mg/cm^2
D_SC, D_VE = 1e-10 * 1e8, 6e-6 * 1e8   # um^2/s
L_SC, L_TOTAL = 15.0, 1075.0    # um
A_CHANNEL, R_CELL = 35.0, 360.0  # um


def graded(a, b, h0, q, hmax, fine_start=True, fine_end=True):
    """Nodes of [a, b]: steps from h0 growing by the factor q up to hmax away from the fine end(s)."""
    n = 1
    while True:
        k = np.arange(n)
        if fine_start and fine_end:
            d = np.minimum(k, n - 1 - k)
        else:
            d = k if fine_start else n - 1 - k
        h = np.minimum(h0 * q ** d, hmax)
        if h.sum() >= b - a:
            h *= (b - a) / h.sum()
            return a + np.concatenate([[0.0], np.cumsum(h)])
        n += 1


def remap(x, nodes):
    """Maps the uniform [0, 1] node coordinates of a dolfinx unit mesh onto the graded nodes."""
    return np.interp(x, np.linspace(0.0, 1.0, len(nodes)), nodes)


def z_nodes(h0, q, frac_sc, frac_ve):
    return np.concatenate([graded(0.0, L_SC, h0, q, frac_sc * L_SC),
                           graded(L_SC, L_TOTAL, h0, q, frac_ve * (L_TOTAL - L_SC), True, False)[1:]])


class Stepper:
    """BDF2 with a fixed step h after one backward Euler step, on M u' + K u = 0 with Dirichlet
    values g on the dofs `fixed`; Q accumulates the reaction F = -(M u' + K u) . w."""

    def __init__(self, m, k, fixed, g_values, w):
        self.m, self.k = m, k
        self.fixed = fixed.astype(np.int32)
        self.g = m.createVecRight()
        self.g.setValues(self.fixed, g_values)
        self.g.assemble()
        self.mg, self.kg = m.createVecLeft(), m.createVecLeft()
        m.mult(self.g, self.mg)
        k.mult(self.g, self.kg)
        wv = m.createVecRight()
        wv.setValues(w.astype(np.int32), np.ones(len(w)))
        wv.assemble()
        self.mw, self.kw = m.createVecLeft(), m.createVecLeft()
        m.mult(wv, self.mw)
        k.mult(wv, self.kw)
        self.g_values = g_values
        self.solvers = {}

    def solver(self, c):
        """MUMPS LU of c M + K with the Dirichlet rows and columns replaced by the identity."""
        if c not in self.solvers:
            a = self.k.copy()
            a.axpy(c, self.m, structure=PETSc.Mat.Structure.SAME_NONZERO_PATTERN)
            a.zeroRowsColumns(self.fixed, diag=1.0)
            ksp = PETSc.KSP().create(MPI.COMM_SELF)
            ksp.setOperators(a)
            ksp.setType("preonly")
            pc = ksp.getPC()
            pc.setType("lu")
            pc.setFactorSolverType("mumps")
            ksp.setUp()
            self.solvers[c] = ksp
        return self.solvers[c]

    def run(self, dt, t_out):
        """Q at the times t_out (multiples of dt); u = g on the fixed dofs and 0 elsewhere at t = 0.
        Backward Euler over the first step, BDF2 at the same fixed step after it."""
        u_prev = self.g.duplicate()
        u = self.g.copy()
        hist, rhs, u_new = u.duplicate(), u.duplicate(), u.duplicate()
        p_prev, p = 0.0, self.mw.dot(u)     # P = Q + w.M u follows dP/dt = -w.K u
        out, t, n = [], 0.0, 0
        for t_end in t_out:
            while t < t_end - 1e-6 * dt:
                a0, b1, b2 = (1.0, 1.0, 0.0) if n == 0 else (1.5, 2.0, 0.5)
                # rhs = M (b1 u - b2 u_prev) / dt - (a0/dt) M g - K g, then g on the fixed rows
                u.copy(hist)
                hist.scale(b1 / dt)
                if b2:
                    hist.axpy(-b2 / dt, u_prev)
                self.m.mult(hist, rhs)
                rhs.axpy(-a0 / dt, self.mg)
                rhs.axpy(-1.0, self.kg)
                rhs.setValues(self.fixed, self.g_values)
                rhs.assemble()
                self.solver(a0 / dt).solve(rhs, u_new)
                p_new = (b1 * p - b2 * p_prev - dt * self.kw.dot(u_new)) / a0
                u_prev, u, u_new = u, u_new, u_prev
                p_prev, p = p, p_new
                t += dt
                n += 1
            out.append(p - self.mw.dot(u))
        return np.array(out)


def problem_a(h0, q, frac_sc, frac_ve, dt):
    """h0: finest step (um) at z = 0 and on both sides of z = 15 um; q: growth factor away from
    them; frac_sc, frac_ve: largest step as a fraction of the SC and of the viable layers."""
    t0 = time.perf_counter()
    z = z_nodes(h0, q, frac_sc, frac_ve)
    mesh = dolfinx.mesh.create_interval(MPI.COMM_SELF, len(z) - 1, [0.0, 1.0])
    mesh.geometry.x[:, 0] = remap(mesh.geometry.x[:, 0], z)
    m, k, v_space = forms(mesh, radial=False)
    fixed_top = dolfinx.fem.locate_dofs_geometrical(v_space, lambda x: np.isclose(x[0], 0.0))
    fixed_bot = dolfinx.fem.locate_dofs_geometrical(v_space, lambda x: np.isclose(x[0], L_TOTAL))
    fixed = np.concatenate([fixed_top, fixed_bot])
    values = np.concatenate([np.ones(len(fixed_top)), np.zeros(len(fixed_bot))])
    q_out = Stepper(m, k, fixed, values, fixed_bot).run(dt, HOURS * 3600) * UM_CM
    elapsed = time.perf_counter() - t0
    return v_space.dofmap.index_map.size_local, len(z) - 1, elapsed, q_out / REF_A - 1


def problem_b(h0, q, frac, dt, diagonal="left"):
    """h0: finest step (um) at r = 35 um, z = 0 and z = 15 um; q: growth factor away from them;
    frac: largest step as a fraction of each segment (the SC's z steps at most 0.34 * 15 um);
    diagonal: how dolfinx splits each rectangle of the tensor grid into two triangles."""
    t0 = time.perf_counter()
    r = np.concatenate([graded(0.0, A_CHANNEL, h0, q, frac * A_CHANNEL, False, True),
                        graded(A_CHANNEL, R_CELL, h0, q, frac * (R_CELL - A_CHANNEL), True, False)[1:]])
    z = z_nodes(h0, q, 0.34, frac)
    mesh = dolfinx.mesh.create_rectangle(MPI.COMM_SELF, [np.array([0.0, 0.0]), np.array([1.0, 1.0])],
                                         [len(r) - 1, len(z) - 1], dolfinx.mesh.CellType.triangle,
                                         diagonal=getattr(dolfinx.mesh.DiagonalType, diagonal))
    x = mesh.geometry.x
    x[:, 0], x[:, 1] = remap(x[:, 0], r), remap(x[:, 1], z)
    m, k, v_space = forms(mesh, radial=True)
    fixed_top = dolfinx.fem.locate_dofs_geometrical(v_space, lambda x: np.isclose(x[1], 0.0))
    fixed_bot = dolfinx.fem.locate_dofs_geometrical(v_space, lambda x: np.isclose(x[1], L_TOTAL))
    fixed = np.concatenate([fixed_top, fixed_bot])
    values = np.concatenate([np.ones(len(fixed_top)), np.zeros(len(fixed_bot))])
    reaction = Stepper(m, k, fixed, values, fixed_bot).run(dt, HOURS * 3600)
    q_out = reaction * 2.0 / R_CELL ** 2 * UM_CM      # 2 pi (int over r dr) / (pi R^2)
    elapsed = time.perf_counter() - t0
    return v_space.dofmap.index_map.size_local, mesh.topology.index_map(2).size_local, elapsed, q_out / REF_B - 1


def forms(mesh, radial):
    """P1 space, D as a cell-wise (DG0) function, and the assembled mass and stiffness matrices
    without Dirichlet conditions; for radial meshes x[0] = r and both forms carry the weight r."""
    v_space = dolfinx.fem.FunctionSpace(mesh, ("Lagrange", 1))
    d_space = dolfinx.fem.FunctionSpace(mesh, ("DG", 0))
    tdim = mesh.topology.dim
    n_cells = mesh.topology.index_map(tdim).size_local
    mid = dolfinx.mesh.compute_midpoints(mesh, tdim, np.arange(n_cells, dtype=np.int32))
    in_sc = mid[:, tdim - 1] < L_SC
    if radial:
        in_sc &= mid[:, 0] > A_CHANNEL
    d = dolfinx.fem.Function(d_space)
    d.x.array[:] = np.where(in_sc, D_SC, D_VE)
    u, v = ufl.TrialFunction(v_space), ufl.TestFunction(v_space)
    weight = ufl.SpatialCoordinate(mesh)[0] if radial else 1.0
    m = dolfinx.fem.petsc.assemble_matrix(dolfinx.fem.form(u * v * weight * ufl.dx))
    k = dolfinx.fem.petsc.assemble_matrix(dolfinx.fem.form(d * ufl.inner(ufl.grad(u), ufl.grad(v)) * weight * ufl.dx))
    m.assemble()
    k.assemble()
    return m, k, v_space


def measure(run, kwargs, repeats=3):
    run(**kwargs)  # warm-up: fills the FFCx JIT cache (in memory and on disk), not timed
    results = [run(**kwargs) for _ in range(repeats)]
    seconds = sorted(r[2] for r in results)[len(results) // 2]
    unknowns, mesh_cells, _, errors = results[0]
    return unknowns, mesh_cells, seconds, errors


# (name, problem, parameters): the cheapest configurations that --sweep found meeting the
# accuracy (README.md has the search)
CONFIGS = [
    ("A, P1 + MUMPS BDF2", problem_a, dict(h0=0.5, q=1.25, frac_sc=0.05, frac_ve=0.1, dt=100.0)),
    ("B <= 1 %, P1 + MUMPS BDF2", problem_b, dict(h0=1.0, q=1.4, frac=0.15, dt=1800.0)),
    ("B <= 0.1 %, P1 + MUMPS BDF2", problem_b, dict(h0=0.25, q=1.11, frac=0.05, dt=3600.0 / 7)),
]


def report(name, run, kwargs, repeats=3):
    unknowns, mesh_cells, seconds, errors = measure(run, kwargs, repeats)
    worst = float(np.max(np.abs(errors)))
    entry = {"name": name, "cells": int(unknowns), "mesh_cells": int(mesh_cells), "seconds": seconds,
             "worst_relative_error": worst, "errors": [float(e) for e in errors], "dt": kwargs["dt"],
             "parameters": kwargs, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    print(f"{name} {kwargs}: {unknowns} unknowns ({mesh_cells} cells), {seconds * 1e3:.1f} ms, "
          f"worst relative error {worst:.2e}  [{' '.join(f'{e:+.1e}' for e in errors)}]", flush=True)
    return entry


def sweep():
    """The search behind CONFIGS: meshes x fixed steps (3600 s / dt whole), one timed run each
    (times indicative only); prints, per accuracy class, the configurations that meet it, fastest first."""
    runs = []
    for mesh in [dict(h0=1.0, q=1.3, frac_sc=0.1, frac_ve=0.2), dict(h0=0.5, q=1.25, frac_sc=0.05, frac_ve=0.1),
                 dict(h0=0.25, q=1.2, frac_sc=0.03, frac_ve=0.05), dict(h0=0.1, q=1.15, frac_sc=0.02, frac_ve=0.05)]:
        for dt in (60.0, 72.0, 80.0, 90.0, 100.0, 112.5, 120.0):
            runs.append(("A", problem_a, dict(mesh, dt=dt)))
    for mesh in [dict(h0=4.0, q=1.3, frac=0.2), dict(h0=2.0, q=1.3, frac=0.2), dict(h0=2.0, q=1.4, frac=0.15),
                 dict(h0=1.0, q=1.4, frac=0.15), dict(h0=1.0, q=1.5, frac=0.1)]:
        for dt in (900.0, 1200.0, 1800.0):
            runs.append(("B", problem_b, dict(mesh, dt=dt)))
    for mesh in [dict(h0=0.5, q=1.1, frac=0.05), dict(h0=0.25, q=1.12, frac=0.05), dict(h0=0.25, q=1.11, frac=0.05),
                 dict(h0=0.25, q=1.1, frac=0.05), dict(h0=0.25, q=1.1, frac=0.05, diagonal="right"),
                 dict(h0=0.25, q=1.1, frac=0.05, diagonal="crossed"), dict(h0=0.25, q=1.08, frac=0.05)]:
        for dt in (300.0, 400.0, 450.0, 3600.0 / 7, 600.0):
            runs.append(("B", problem_b, dict(mesh, dt=dt)))
    entries = [report(name, run, kwargs, 1) for name, run, kwargs in runs]
    for problem, limit in [("A", 1e-3), ("B", 1e-2), ("B", 1e-3)]:
        ok = sorted((e for e in entries if e["name"] == problem and e["worst_relative_error"] <= limit),
                    key=lambda e: e["seconds"])
        print(f"{problem} <= {limit:g}: " + "; ".join(
            f"{e['parameters']} {e['cells']} unknowns {1e3 * e['seconds']:.0f} ms {e['worst_relative_error']:.2e}"
            for e in ok[:4]))
    return entries


if __name__ == "__main__":
    if "--sweep" in sys.argv[1:]:
        json.dump(sweep(), sys.stderr)
    else:
        json.dump([report(name, run, kwargs) for name, run, kwargs in CONFIGS], sys.stderr)
    sys.stderr.write("\n")
