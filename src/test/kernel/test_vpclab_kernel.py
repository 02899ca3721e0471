"""The vpclab Jupyter kernel, tested with Jupyter's own clients (jupyter_kernel_test).

Run by dev.vpclab.kernel.JupyterClientsTest (mvn verify), which installs the kernelspec with
`vpclab kernel install --prefix DIR` and sets JUPYTER_PATH=DIR/share/jupyter. By hand:

    ./vpclab kernel install --prefix /tmp/k
    JUPYTER_PATH=/tmp/k/share/jupyter /usr/bin/python3 -m unittest -v src/test/kernel/test_vpclab_kernel.py

Each cell that needs a layout declares its own: the kernel is shared by every test, in any order.
"""

import re
import unittest
from queue import Empty

import jupyter_kernel_test
from jupyter_client.utils import run_sync
from jupyter_kernel_test.msgspec_v5 import validate_message

# the seed's layout (scenarios/seed.vpc); a layout declared again replaces the earlier one
SEED = """region ap-northeast-1
layout single {
  az 1a subnet private app
  az 1c subnet private ep
  endpoint ssm, ec2messages, ssmmessages in 1c
  instance web in app needs session-manager
}
layout per-az extends single {
  endpoint ssm, ec2messages, ssmmessages in 1a, 1c
}
"""

# what a Java stack trace looks like, in any output or traceback
JAVA_STACK = re.compile(
    r"^\s+at [\w$.]+\(|Exception in thread|\b(java|javax|jdk|sun|org\.zeromq|dev\.vpclab)"
    r"\.[\w.$]*(Exception|Error)\b",
    re.MULTILINE,
)


class VpclabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "vpclab"
    language_name = "vpclab"
    file_extension = ".vpc"

    # a cell whose last output is text: check prints a summary line and a table
    code_execute_result = [
        {"code": SEED + "check single", "mime": "text/plain"},
        {"code": SEED + "check single", "mime": "text/html"},
        {"code": SEED + "check single", "mime": "application/json"},
        {"code": SEED + "chart cost single, per-az", "mime": "image/png"},
        {"code": SEED + 'chart cost single, per-az to "kernel-test-cost.svg"',
         "mime": "image/svg+xml"},
    ]

    # outputs before a cell's last one come as display_data
    code_display_data = [
        {"code": SEED + "compare single, per-az\ncost single", "mime": "text/html"},
        {"code": SEED + "chart cost single, per-az\ncheck single", "mime": "image/png"},
        {"code": SEED + 'chart cost single, per-az to "kernel-test-cost.svg"\ncheck single',
         "mime": "image/svg+xml"},
    ]

    completion_samples = [
        {"text": "comp", "matches": {"compare"}},
        {"text": "che", "matches": {"check"}},
        {"text": "resil", "matches": {"resilience"}},
    ]

    complete_code_samples = [
        "check",
        "region ap-northeast-1",
        "layout a { az 1a subnet private }",
        "layout a {\n  az 1a subnet private\n}",
        "%layouts",
    ]
    incomplete_code_samples = [
        "layout a {",
        "layout a {\n  az 1a subnet private",
        "endpoint ssm,",
    ]
    invalid_code_samples = [
        "}",
        "layout a { az 1a subnet private } }",
    ]

    # a syntax error: the cell is not run
    code_generate_error = "layout broken { az 1a subnet }"

    code_inspect_sample = "check"

    def flush_channels(self):
        """As the suite's, with a shorter wait: a reply and its idle status have come already."""
        for channel in (self.kc.shell_channel, self.kc.iopub_channel):
            while True:
                try:
                    validate_message(run_sync(channel.get_msg)(timeout=0.02))
                except Empty:
                    break

    # -- beyond the generic suite -------------------------------------------------------------

    def execute(self, code):
        self.flush_channels()
        return self.execute_helper(code)

    def test_error_traceback_is_the_located_diagnostic(self):
        reply, outputs = self.execute("check singel_nowhere\nlayout x { az 1a subnet privat }")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "vpclab error")
        errors = [m for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1, outputs)
        content = errors[0]["content"]
        self.assertEqual(content["ename"], "vpclab error")
        self.assertTrue(content["evalue"], "evalue: the first message")
        text = "\n".join(content["traceback"])
        plain = strip_ansi(text)
        # file:line:col: error: message, the line, a caret under the spot
        self.assertRegex(plain, r"(?m)^\S+:1:7: error: ")
        self.assertRegex(plain, r"(?m)^\S+:2:\d+: error: ")
        self.assertIn("check singel_nowhere", plain)
        self.assertRegex(plain, r"(?m)^\s*\^")
        self.assertIn(strip_ansi(content["evalue"]), plain)
        self.assertNotRegex(plain, JAVA_STACK)

    def test_syntax_error_traceback_is_located(self):
        reply, outputs = self.execute(self.code_generate_error)
        self.assertEqual(reply["content"]["status"], "error")
        lines = [strip_ansi(line) for line in reply["content"]["traceback"]]
        self.assertRegex(lines[0], r"^In\[\d+\]:1:\d+: error: ")
        self.assertEqual(lines[1].strip(), self.code_generate_error)
        column = int(lines[0].split(":")[2])
        caret = lines[2]
        # the caret sits under the column the message names (the line is indented as printed)
        self.assertEqual(caret.index("^") - lines[1].index(self.code_generate_error), column - 1)
        self.assertEqual(lines[-1], "(cell not run: nothing changed)")
        self.assertNotRegex("\n".join(lines), JAVA_STACK)

    def test_is_complete_indents_an_open_block(self):
        self.flush_channels()
        for code, indent in (("layout a {", "  "), ("layout a {\n  vpc b {", "    ")):
            msg_id = self.kc.is_complete(code)
            reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
            validate_message(reply, "is_complete_reply", msg_id)
            self.assertEqual(reply["content"], {"status": "incomplete", "indent": indent})

    def test_a_cell_with_an_error_changes_nothing(self):
        self.execute(SEED)
        reply, _ = self.execute("layout single { az 1a subnet private app }\ncheck singel")
        self.assertEqual(reply["content"]["status"], "error")
        # single is still the seed's: three pairs, all reachable
        reply, outputs = self.execute("check single")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("3 of 3 pairs reachable", result_text(outputs))

    def test_table_is_html_and_the_text_is_the_repls(self):
        reply, outputs = self.execute(SEED + "check single")
        self.assertEqual(reply["content"]["status"], "ok")
        result = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(result), 1)
        self.assertEqual(result[0]["content"]["execution_count"],
                         reply["content"]["execution_count"])
        data = result[0]["content"]["data"]
        self.assertIn("3 of 3 pairs reachable in single", data["text/plain"])
        self.assertIn("<table", data["text/html"])
        self.assertIn("ssmmessages", data["text/html"])
        self.assertEqual(data["application/json"]["kind"], "check")
        self.assertNotRegex(data["text/plain"], JAVA_STACK)

    def test_chart_is_shown_by_the_richest_type(self):
        # notebooks show an output's richest type (HTML before images): a chart's HTML shows it
        for code, image in ((SEED + "chart cost single, per-az", "data:image/png;base64,"),
                            (SEED + 'sweep traffic 0 .. 100 GB step 10 GB over single, per-az '
                                    'to "kernel-test-sweep.svg"', "data:image/svg+xml;base64,")):
            with self.subTest(code=code.splitlines()[-1]):
                reply, outputs = self.execute(code)
                self.assertEqual(reply["content"]["status"], "ok")
                result = [m for m in outputs if m["msg_type"] == "execute_result"]
                data = result[0]["content"]["data"]
                self.assertTrue("image/png" in data or "image/svg+xml" in data, data.keys())
                if "text/html" in data:
                    self.assertIn('<img alt="', data["text/html"])
                    self.assertIn(image, data["text/html"])

    def test_execution_count_grows(self):
        first, _ = self.execute("region ap-northeast-1")
        second, _ = self.execute("region ap-northeast-1")
        self.assertEqual(second["content"]["execution_count"],
                         first["content"]["execution_count"] + 1)

    def test_failed_expect_is_an_output_marked_failed(self):
        # 3 ENIs x 0.014 USD x 730 hours = 30.66 USD a month
        reply, outputs = self.execute(SEED + "expect cost single < 20 USD")
        self.assertEqual(reply["content"]["status"], "ok", "a design review goes on")
        result = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(result), 1, outputs)
        self.assertIn("FAILED (single: 30.66 USD a month)", result[0]["content"]["data"]["text/plain"])
        self.assertEqual(result[0]["content"]["metadata"], {"vpclab": {"expectationFailed": True}})

    def test_magics(self):
        reply, outputs = self.execute(SEED + "use single")
        self.assertEqual(reply["content"]["status"], "ok")
        reply, outputs = self.execute("%layouts")
        self.assertEqual(reply["content"]["status"], "ok")
        text = result_text(outputs)
        self.assertIn("single", text)
        self.assertIn("per-az", text)

    def test_unknown_magic_says_the_nearest_one(self):
        # as in the REPL: a line on the cell's standard output, the session unchanged
        reply, outputs = self.execute("%layoutz")
        self.assertIn("did you mean '%layouts'?", result_text(outputs))

    def test_inspect_gives_the_repls_help(self):
        self.flush_channels()
        msg_id = self.kc.inspect("compare single, per-az", cursor_pos=3)
        reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
        validate_message(reply, "inspect_reply", msg_id)
        self.assertTrue(reply["content"]["found"])
        self.assertIn("compare", reply["content"]["data"]["text/plain"])

    def test_completion_knows_the_sessions_layouts(self):
        self.execute(SEED)
        self.flush_channels()
        msg_id = self.kc.complete("check per")
        reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
        validate_message(reply, "complete_reply", msg_id)
        self.assertIn("per-az", reply["content"]["matches"])
        self.assertEqual(reply["content"]["cursor_start"], len("check "))
        self.assertEqual(reply["content"]["cursor_end"], len("check per"))

    def test_silent_cell_publishes_nothing_and_counts_nothing(self):
        before, _ = self.execute("region ap-northeast-1")
        self.flush_channels()
        reply, outputs = self.execute_helper(SEED + "check single", silent=True,
                                             store_history=False)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([m["msg_type"] for m in outputs], [])
        after, _ = self.execute("region ap-northeast-1")
        self.assertEqual(after["content"]["execution_count"],
                         before["content"]["execution_count"] + 1)

    def test_interrupt_stops_a_long_cell_and_the_session_stays(self):
        self.flush_channels()
        # 200 sweeps of 9,310 points each over two layouts: a minute without an interrupt
        sweeps = 200
        msg_id = self.kc.execute(
            SEED + "sweep traffic 0 .. 100 TB step 11 GB over single, per-az\n" * sweeps)
        outputs = 0
        while outputs == 0:  # the first sweep's output, published as it is made: the cell runs
            msg = run_sync(self.kc.iopub_channel.get_msg)(timeout=jupyter_kernel_test.TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id:
                outputs += msg["msg_type"] in ("display_data", "execute_result")
        self.km.interrupt_kernel()
        reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
        validate_message(reply, "execute_reply", msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "interrupted")
        while True:
            msg = run_sync(self.kc.iopub_channel.get_msg)(timeout=jupyter_kernel_test.TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            outputs += msg["msg_type"] in ("display_data", "execute_result")
        self.assertLess(outputs, sweeps, "the cell stopped early")
        reply, outputs = self.execute("check single")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("3 of 3 pairs reachable", result_text(outputs))

    def test_heartbeat_and_kernel_alive(self):
        self.assertTrue(self.km.is_alive())
        self.assertTrue(self.kc.hb_channel.is_beating())

    def test_history_and_comm_info_answer(self):
        self.flush_channels()
        msg_id = self.kc.history(hist_access_type="tail", n=10)
        reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
        validate_message(reply, "history_reply", msg_id)
        msg = self.kc.session.msg("comm_info_request", {})
        self.kc.shell_channel.send(msg)
        reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
        validate_message(reply, "comm_info_reply", msg["header"]["msg_id"])

    def test_unknown_message_type_leaves_the_kernel_up(self):
        self.flush_channels()
        self.kc.shell_channel.send(self.kc.session.msg("no_such_request", {}))
        reply, _ = self.execute("region ap-northeast-1")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_wrongly_signed_message_is_dropped(self):
        self.flush_channels()
        key = self.kc.session.key
        try:
            self.kc.session.key = b"not-the-key"  # the session signs with the new key
            self.kc.execute("region ap-northeast-1")
        finally:
            self.kc.session.key = key
        # shell requests are answered in order: the first reply is the good request's
        msg_id = self.kc.execute("region ap-northeast-1")
        reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        with self.assertRaises(Empty):
            self.kc.get_shell_msg(timeout=0.1)


def result_text(outputs):
    """The text/plain of every display_data and execute_result, and the streams, joined."""
    return "\n".join(m["content"]["text"] if m["msg_type"] == "stream"
                     else m["content"]["data"].get("text/plain", "")
                     for m in outputs if m["msg_type"] in ("display_data", "execute_result", "stream"))


def strip_ansi(text):
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
