"""Task files: the spec the wizard edits plus Batch properties it passes through."""

import pytest
from azure.batch import models as sdk

from explorer.core.batch_json import task_json
from explorer.core.batch_json.json_reader import SpecFormatError
from explorer.core.batch_json.task_document import TaskDocument, document_from_json, document_to_json

OUTPUT_FILES = [
    {
        "filePattern": "../std*.txt",
        "destination": {"container": {"containerUrl": "https://a.blob.core.windows.net/out?sv=1"}},
        "uploadOptions": {"uploadCondition": "taskcompletion"},
    }
]


def test_unedited_batch_properties_pass_through(task):
    data = {**task_json.to_batch_json(task), "outputFiles": OUTPUT_FILES, "requiredSlots": 1}
    document = document_from_json(data, job_id=task.job_id)
    assert document == TaskDocument(task, {"outputFiles": OUTPUT_FILES, "requiredSlots": 1})
    assert document_to_json(document) == data
    assert sdk.BatchTaskCreateOptions(document_to_json(document)).output_files[0].file_pattern == "../std*.txt"


def test_other_unknown_fields_are_still_refused(task):
    data = {**task_json.to_batch_json(task), "commandline": "x"}
    with pytest.raises(SpecFormatError, match="commandline"):
        document_from_json(data, job_id="j")


def test_a_non_object_is_refused():
    with pytest.raises(SpecFormatError, match=r"^\$: expected a task object"):
        document_from_json([1], job_id="j")
