"""Node files opened from a directory descriptor: links, special files and hard links are never served."""

from __future__ import annotations

import os
import socket

import pytest

from explorer.localbatch.files import node_files
from explorer.localbatch.wire.errors import BatchError


@pytest.fixture
def root(tmp_path):
    node = tmp_path / "node"
    (node / "wd" / "sub").mkdir(parents=True)
    (node / "wd" / "sub" / "file.txt").write_bytes(b"inside")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "file.txt").write_bytes(b"OUTSIDE")
    (outside / "secret").write_bytes(b"KEY")
    os.symlink(outside, node / "wd" / "dirlink")
    os.symlink(outside / "file.txt", node / "wd" / "filelink")
    os.link(outside / "secret", node / "wd" / "hardlink")
    os.mkfifo(node / "wd" / "fifo")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(node / "wd" / "socket"))
    fd = node_files.open_directory(tmp_path, ["node"])
    yield fd, tmp_path
    os.close(fd)
    listener.close()


def _read(fd: int, path: str) -> bytes:
    file_fd, _ = node_files.open_file(fd, path)
    with os.fdopen(file_fd, "rb") as source:
        return source.read()


def test_regular_files_are_served(root):
    fd, _ = root
    assert _read(fd, "wd/sub/file.txt") == b"inside"
    assert _read(fd, "wd//sub/./file.txt") == b"inside"


@pytest.mark.parametrize(
    "path", ["wd/dirlink/file.txt", "wd/filelink", "wd/hardlink", "wd/fifo", "wd/socket", "wd/../wd/sub/file.txt", "../node/wd/sub/file.txt", "wd/nothing", "wd/sub/file.txt/x"]
)
def test_links_special_files_and_dot_dot_are_not_found(root, path):
    fd, _ = root
    with pytest.raises(BatchError) as error:
        _read(fd, path)
    assert error.value.status == 404
    with pytest.raises(BatchError):
        node_files.properties(fd, path)


def test_a_directory_is_not_downloaded_but_has_properties(root):
    fd, _ = root
    with pytest.raises(BatchError) as error:
        _read(fd, "wd/sub")
    assert error.value.code == "FileIsDirectory"
    assert node_files.properties(fd, "wd/sub").is_directory


def test_listings_show_only_directories_and_single_link_regular_files(root):
    fd, _ = root
    assert [item.name for item in node_files.walk(fd, recursive=True)] == ["wd", "wd/sub", "wd/sub/file.txt"]


def test_deleting_a_link_deletes_the_link_not_its_target(root):
    fd, base = root
    node_files.delete(fd, "wd/filelink", recursive=False)
    node_files.delete(fd, "wd/dirlink", recursive=False)
    assert not os.path.lexists(base / "node" / "wd" / "filelink") and not os.path.lexists(base / "node" / "wd" / "dirlink")
    assert (base / "outside" / "file.txt").read_bytes() == b"OUTSIDE"
    with pytest.raises(BatchError) as error:
        node_files.delete(fd, "wd/sub", recursive=False)
    assert error.value.code == "DirectoryNotEmpty"
    node_files.delete(fd, "wd/sub", recursive=True)
    assert not (base / "node" / "wd" / "sub").exists()


def test_a_root_behind_a_link_is_not_opened(tmp_path):
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "link")
    with pytest.raises(OSError):
        node_files.open_directory(tmp_path, ["link"])
