"""Which files an outputFiles pattern names, and which it may never reach."""

from __future__ import annotations

from explorer.localbatch.files.output_files import match_files


def tree(root, *names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name)


def names(matches):
    return [relative for _, relative in matches]


def test_wildcards_within_and_across_directories(tmp_path):
    wd = tmp_path / "task" / "wd"
    tree(wd, "a.txt", "b.log", "out/x.txt", "out/deep/y.txt", "part1.dat", "part10.dat", "pb.dat")
    tree(tmp_path / "task", "stdout.txt", "stderr.txt")
    roots = [tmp_path]
    assert names(match_files("*.txt", wd, roots)) == ["a.txt"]
    assert names(match_files("**/*.txt", wd, roots)) == ["a.txt", "out/deep/y.txt", "out/x.txt"]
    assert names(match_files("out/**/*.txt", wd, roots)) == ["deep/y.txt", "x.txt"]
    assert names(match_files("part?.dat", wd, roots)) == ["part1.dat"]
    assert names(match_files("p[a-c].dat", wd, roots)) == ["pb.dat"]
    assert names(match_files("../std*.txt", wd, roots)) == ["stderr.txt", "stdout.txt"]
    assert names(match_files("out/x.txt", wd, roots)) == ["x.txt"]
    assert match_files("nothing/*.txt", wd, roots) == [] and match_files("none.txt", wd, roots) == []


def test_files_outside_the_roots_are_never_matched(tmp_path):
    node = tmp_path / "node"
    wd = node / "wd"
    tree(wd, "inside.txt")
    tree(tmp_path, "secret.txt")
    (wd / "link.txt").symlink_to(tmp_path / "secret.txt")
    assert names(match_files("*.txt", wd, [node])) == ["inside.txt"]
    assert match_files("../../secret.txt", wd, [node]) == []
    assert match_files(str(tmp_path / "secret.txt"), wd, [node]) == []
