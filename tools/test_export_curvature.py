#!/usr/bin/env python3
"""Checks tools/export_curvature.py: G_i G_i^T against J_i^T (d^2 l/dz^2) J_i computed independently with
torch.autograd.functional, against the exact per-sample loss Hessian of a linear logistic model, the
--gram bundle against the factors, and the Java tool on a written bundle. Run with
`/usr/bin/python3 tools/test_export_curvature.py` from the repository root (needs target/unlearn-stability.jar
for the last check); prints "N passed, M failed" and exits non-zero on any failure."""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch
from torch.nn.utils.stateless import functional_call

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export_curvature as ec  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "unlearn-stability.jar")
TOLERANCE = 1e-10


def flat_call(model, names, shapes, flat, x):
    chunks, i = {}, 0
    for name, shape in zip(names, shapes):
        size = int(np.prod(shape))
        chunks[name] = flat[i:i + size].reshape(shape)
        i += size
    return functional_call(model, chunks, (x.unsqueeze(0),)).reshape(-1)


def ggn_reference(model, loss, x, y):
    """J^T (d^2 l/dz^2) J with J and the output Hessian from torch.autograd.functional (no factor involved)."""
    names = [n for n, _ in model.named_parameters()]
    shapes = [p.shape for _, p in model.named_parameters()]
    flat = torch.cat([p.detach().reshape(-1) for _, p in model.named_parameters()])
    jac = torch.autograd.functional.jacobian(lambda w: flat_call(model, names, shapes, w, x), flat)
    z = flat_call(model, names, shapes, flat, x).detach()
    if loss == "bce-logits":
        out_loss = lambda t: torch.nn.functional.binary_cross_entropy_with_logits(t, y.reshape(1))  # noqa: E731
    else:
        out_loss = lambda t: torch.nn.functional.cross_entropy(t.unsqueeze(0), y.reshape(1))  # noqa: E731
    h_out = torch.autograd.functional.hessian(out_loss, z)
    return (jac.T @ h_out @ jac).numpy()


def mlp(outputs):
    torch.manual_seed(3)
    return torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.Tanh(), torch.nn.Linear(5, outputs)).double()


def test_mlp_cross_entropy_matches_autograd_ggn():
    model = mlp(3)
    xs = torch.randn(4, 3, dtype=torch.float64)
    ys = torch.tensor([0, 2, 1, 2])
    factors = ec.per_sample_factors(model, "cross-entropy", xs)
    assert factors.shape == (4, sum(p.numel() for p in model.parameters()), 3), factors.shape
    for i in range(4):
        expected = ggn_reference(model, "cross-entropy", xs[i], ys[i])
        actual = factors[i] @ factors[i].T
        assert np.allclose(actual, expected, rtol=0, atol=TOLERANCE * max(1, abs(expected).max())), \
            np.abs(actual - expected).max()


def test_mlp_bce_matches_autograd_ggn():
    model = mlp(1)
    xs = torch.randn(4, 3, dtype=torch.float64)
    ys = torch.tensor([0.0, 1.0, 1.0, 0.0], dtype=torch.float64)
    factors = ec.per_sample_factors(model, "bce-logits", xs)
    assert factors.shape[2] == 1
    for i in range(4):
        expected = ggn_reference(model, "bce-logits", xs[i], ys[i])
        assert np.allclose(factors[i] @ factors[i].T, expected, rtol=0, atol=TOLERANCE)


def test_linear_logistic_equals_exact_loss_hessian():
    torch.manual_seed(5)
    model = torch.nn.Linear(4, 1).double()
    xs = torch.randn(5, 4, dtype=torch.float64)
    ys = torch.tensor([1.0, 0.0, 1.0, 1.0, 0.0], dtype=torch.float64)
    names = [n for n, _ in model.named_parameters()]
    shapes = [p.shape for _, p in model.named_parameters()]
    flat = torch.cat([p.detach().reshape(-1) for _, p in model.named_parameters()])
    factors = ec.per_sample_factors(model, "bce-logits", xs)
    for i in range(5):
        def loss_of(w):
            z = flat_call(model, names, shapes, w, xs[i])
            return torch.nn.functional.binary_cross_entropy_with_logits(z, ys[i].reshape(1))
        exact = torch.autograd.functional.hessian(loss_of, flat).numpy()
        assert np.allclose(factors[i] @ factors[i].T, exact, rtol=0, atol=TOLERANCE)


def test_eval_mode_and_parameter_filter():
    torch.manual_seed(7)
    model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Dropout(0.5), torch.nn.Linear(4, 2)).double()
    model.train()
    xs = torch.randn(3, 3, dtype=torch.float64)
    first = ec.per_sample_factors(model, "cross-entropy", xs, param_filter=r"^2\.")
    second = ec.per_sample_factors(model, "cross-entropy", xs, param_filter=r"^2\.")
    assert model.training, "the exporter must restore the training flag"
    assert first.shape == (3, 4 * 2 + 2, 2), first.shape  # only the last layer's weight and bias
    assert np.array_equal(first, second), "dropout must be off (eval mode) while exporting"


def test_gram_bundle_equals_factor_gram():
    model = mlp(3)
    retain, forget = torch.randn(3, 3, dtype=torch.float64), torch.randn(2, 3, dtype=torch.float64)
    with tempfile.TemporaryDirectory() as tmp:
        factors = ec.export(os.path.join(tmp, "f.npz"), model, "cross-entropy", retain, forget)
        gram = ec.export(os.path.join(tmp, "g.npz"), model, "cross-entropy", retain, forget, gram=True)
        stored = np.load(os.path.join(tmp, "g.npz"), allow_pickle=False)
        columns = np.concatenate([factors["retain"], factors["forget"]])
        m = columns.shape[0] * 3
        assert stored["factor_gram"].shape == (m, m)
        # sample 1 (retain), column 2 against sample 4 (forget), column 0
        expected = columns[1][:, 2] @ columns[4][:, 0]
        assert abs(stored["factor_gram"][1 * 3 + 2, 4 * 3 + 0] - expected) <= TOLERANCE
        assert int(stored["n_retain"]) == 3 and int(stored["n_forget"]) == 2 and int(stored["rank"]) == 3
        assert int(stored["dimension"]) == columns.shape[1]
        assert np.allclose(gram["factor_gram"], gram["factor_gram"].T)


def run_jar(bundle):
    result = subprocess.run(["java", "-jar", JAR, "analyze", "--npz", bundle], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_java_tool_reads_the_bundle():
    assert os.path.exists(JAR), "build the jar first (mvn -B package)"
    model = mlp(3)
    torch.manual_seed(11)
    retain, forget = torch.randn(6, 3, dtype=torch.float64), torch.randn(3, 3, dtype=torch.float64)
    with tempfile.TemporaryDirectory() as tmp:
        ec.export(os.path.join(tmp, "f.npz"), model, "cross-entropy", retain, forget,
                  eta=0.5, alpha=0.2, batch=2, description="tiny MLP")
        ec.export(os.path.join(tmp, "g.npz"), model, "cross-entropy", retain, forget, gram=True,
                  eta=0.5, alpha=0.2, batch=2)
        from_factors = run_jar(os.path.join(tmp, "f.npz"))
        from_gram = run_jar(os.path.join(tmp, "g.npz"))
    d = sum(p.numel() for p in model.parameters())
    assert from_factors["d"] == d and from_factors["nRetain"] == 6 and from_factors["nForget"] == 3
    assert from_factors["batch"] == 2 and from_factors["alpha"] == 0.2 and from_factors["eta"] == 0.5
    for key in ("sigma", "lambdaMaxD", "maxLambdaMaxDrf", "eta7", "rho", "etaStar", "lambdaMinA"):
        a, b = from_factors[key], from_gram[key]
        assert abs(a - b) <= 1e-9 * max(1.0, abs(a)), (key, a, b)
    assert from_gram["d"] == d


def main():
    tests = [(name, f) for name, f in sorted(globals().items()) if name.startswith("test_") and callable(f)]
    passed, failed = 0, 0
    for name, test in tests:
        try:
            test()
            passed += 1
            print("ok   " + name)
        except Exception as e:  # noqa: BLE001 -- report every failing check, not just the first
            failed += 1
            print("FAIL %s: %s: %s" % (name, type(e).__name__, e))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
