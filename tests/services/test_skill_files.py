"""Reading a skills file: JSON or CSV, by id, name or alias, and one clear error per mistake."""

from __future__ import annotations

import pytest

from careerplanner.errors import UsageError
from careerplanner.services.skill_files import read_skill_levels
from tests.core.conftest import make_kb

KB = make_kb()


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_by_id_name_or_alias_in_any_case(tmp_path):
    path = write(tmp_path, "me.json", '{"skills": {"PyTorch": 2, "K8S": 1, "linear-algebra": 3}}')
    assert read_skill_levels(path, KB) == {"pytorch": 2, "kubernetes": 1, "linear-algebra": 3}


def test_csv_with_a_header(tmp_path):
    path = write(tmp_path, "me.csv", "skill,level\nPython,3\n\nvector dbs, 2\n")
    assert read_skill_levels(path, KB) == {"python": 3, "vector-db": 2}


def test_csv_with_a_header_is_read_by_column_name_in_any_order_ignoring_extra_columns(tmp_path):
    path = write(
        tmp_path, "me.csv", 'note,level,name,skill\n"my, notes",2,PyTorch,pytorch\n,3,,py\n'
    )
    assert read_skill_levels(path, KB) == {"pytorch": 2, "python": 3}


def test_csv_header_without_a_level_column_is_a_clear_error(tmp_path):
    path = write(tmp_path, "me.csv", "skill,name,note\npython,Python,\n")
    with pytest.raises(UsageError, match="line 1: the header row has no 'level' column"):
        read_skill_levels(path, KB)


def test_json_levels_may_be_integral_floats(tmp_path):
    path = write(tmp_path, "me.json", '{"skills": {"python": 3.0, "rag": 0.0}}')
    assert read_skill_levels(path, KB) == {"python": 3, "rag": 0}


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))


@pytest.mark.parametrize("name", ["me.json", "me.csv", "me.txt"])
def test_a_binary_file_is_said_to_be_no_text_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(PNG)
    with pytest.raises(UsageError, match=f"{name} is not a text file \\(it looks like binary"):
        read_skill_levels(path, KB)


def test_csv_without_a_header_and_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "me.csv"
    path.write_text("py,4\nRAG,1\n", encoding="utf-8-sig")
    assert read_skill_levels(path, KB) == {"python": 4, "rag": 1}


def test_a_file_without_a_known_extension_is_read_by_its_content(tmp_path):
    assert read_skill_levels(write(tmp_path, "me.txt", '{"skills": {"py": 1}}'), KB) == {
        "python": 1
    }
    assert read_skill_levels(write(tmp_path, "me2.txt", "py,2\n"), KB) == {"python": 2}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("me.json", '{"skills": {"pytorc": 2}}', "unknown skill 'pytorc'; did you mean PyTorch"),
        ("me.csv", "skill,level\npython,5\n", "line 2: level for 'python' must be 0-4, got 5"),
        ("me.csv", "python,-1\n", "must be 0-4, got -1"),
        ("me.json", '{"skills": {"python": 2.5}}', "must be a whole number 0-4, got 2.5"),
        ("me.json", '{"skills": {"python": true}}', "must be a whole number 0-4, not true"),
        ("me.json", '{"skills": {}}', "me.json lists no skills"),
        ("me.json", "", "me.json lists no skills"),
        ("me.csv", "skill,level\n", "me.csv lists no skills"),
        ("me.csv", "python,three\n", "must be a whole number 0-4, got 'three'"),
        ("me.json", '{"skills": {"python": 2', "is not valid JSON"),
        ("me.json", '{"python": 2}', 'needs a "skills" object'),
        ("me.json", "[1, 2]", 'needs a "skills" object'),
        ("me.csv", "python,2,extra\n", "line 1: expected two columns"),
        ("me.json", '{"skills": {"python": 2, "py": 3}}', "Python is rated twice"),
        # Files that used to crash gap --skills and plan --skills:
        ("me.csv", 'skill,level\npython,"3\nsql,2\n', 'line 2: a quote (") opened here is never'),
        ("me.csv", 'skill,level\n"python"x,3\n', "line 2: this is not valid CSV"),
        ("me.csv", "python,+-3\n", "level for 'python' must be a whole number 0-4, got '+-3'"),
        ("me.csv", "python,²\n", "level for 'python' must be a whole number 0-4, got '²'"),
        ("me.csv", "python,٣\n", "level for 'python' must be a whole number 0-4, got '٣'"),
        ("me.csv", "python," + "7" * 5000 + "\n", "got '" + "7" * 39 + "…'"),
        ("me.csv", "x" * 200_000 + ",2\n", "line 1: unknown skill '" + "x" * 39 + "…'"),
        ("me.json", '{"skills": {"python": ' + "3" * 5000 + "}}", "has a number too long"),
        ("me.json", '{"skills": ' + "[" * 100_000 + "]" * 100_000 + "}", "nests lists or"),
        ("me.json", '{"skills": {"python": 2, "python": 3}}', "the key 'python' appears twice"),
        ("me.json", '{"skills": {"python": NaN}}', "is not valid JSON (NaN is not a number)"),
        ("me.json", '{"skills": {"python": 1e400}}', "must be a whole number 0-4, got inf"),
        ("me.json", '{"skills": {"python": [3]}}', "must be a whole number 0-4, got '[3]'"),
    ],
)
def test_each_mistake_is_one_clear_usage_error(tmp_path, name, text, message):
    path = write(tmp_path, name, text)
    with pytest.raises(UsageError) as error:
        read_skill_levels(path, KB)
    assert message in str(error.value)
    assert str(path) in str(error.value)
    assert "\n" not in str(error.value)
    assert len(str(error.value)) < 300, "a refused value is cut short, never echoed whole"


def test_a_missing_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match=r"skills file not found: .*nope\.json"):
        read_skill_levels(tmp_path / "nope.json", KB)


def test_a_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="is a folder"):
        read_skill_levels(tmp_path, KB)


# -- files from other programs, and the mistakes they make -------------------------------------


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (b"skill,level\rpython,3\rrag,1\r", "a Mac spreadsheet's CR line ends"),
        (b"skill,level\r\npython,3\r\nrag,1\r\n", "Windows line ends"),
        ("skill,level\npython,3\nrag,1\n".encode("utf-16"), "UTF-16 with its byte-order mark"),
        ('{"skills": {"python": 3, "rag": 1}}'.encode("utf-16"), "JSON in UTF-16"),
        ('\ufeff{"skills": {"python": 3, "rag": 1}}'.encode(), "JSON with a byte-order mark"),
    ],
)
def test_files_other_programs_write_are_read(tmp_path, raw, why):
    path = tmp_path / ("me.json" if b"{" in raw.replace(b"\0", b"") else "me.csv")
    path.write_bytes(raw)
    assert read_skill_levels(path, KB) == {"python": 3, "rag": 1}, why


def test_a_cell_longer_than_the_csv_modules_limit_is_read(tmp_path):
    note = "a long note " * 20_000  # 240,000 characters: more than csv's 131,072
    path = write(tmp_path, "me.csv", f'skill,level,note\npython,3,"{note}"\nrag,1,\n')
    assert read_skill_levels(path, KB) == {"python": 3, "rag": 1}


def test_a_skills_file_over_20_mb_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "me.csv"
    with open(path, "wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(UsageError, match=r"skills file .*me\.csv is larger than 20 MB"):
        read_skill_levels(path, KB)
