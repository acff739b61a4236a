"""The ``cchc`` command: one entry point for the editor's and maintainer's commands.

Each command is a module of this package with a ``main(argv) -> int``, the way MkDocs
keeps ``mkdocs/commands/``; ``cchc <command> --help`` describes its options.
"""

from __future__ import annotations

import importlib
import sys

# command -> (module, what it does), in the order `cchc --help` lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("cchc.commands.check", "kiểm tra toàn bộ nội dung trong content/ mà không dựng trang"),
    "new": ("cchc.commands.new", "tạo tệp tin, bài / kế hoạch / thủ tục mới từ mẫu"),
    "find": ("cchc.commands.find", "tìm mã đơn vị, chủ đề, kế hoạch, nhiệm vụ, thủ tục theo tên"),
    "editor": ("cchc.commands.editor", "mở trình soạn thảo web (/admin/) trên máy này"),
    "report": ("cchc.commands.report", "viết báo cáo kết quả thực hiện của một đơn vị (.docx, .xlsx) cho một kỳ"),
    "deploy": ("cchc.commands.deploy", "dựng trang, kiểm tra rồi mới thay trang đang chạy"),
    "precompress": ("cchc.commands.precompress", "viết bản nén sẵn (.gz, .br) của trang đã dựng cho nginx"),
    "bench": ("cchc.commands.bench", "đo hiệu năng dựng trang so với các công cụ khác"),
    "measure-search": ("cchc.commands.measure_search", "đo dung lượng tải về của lần tìm kiếm đầu tiên"),
    "measure-serving": ("cchc.commands.measure_serving",
                        "đo dung lượng tải về của các trang qua nginx và qua http.server"),
    "measure-preview": ("cchc.commands.measure_preview",
                        "đo thời gian xem trước (mkdocs serve) hiện một chỉnh sửa tin, bài"),
    "compare-builds": ("cchc.commands.compare_builds", "so sánh hai bản dựng, từng trang, theo chữ và liên kết"),
    "lighthouse": ("cchc.commands.lighthouse", "đo Lighthouse (điện thoại) trên mỗi loại trang, in bảng kết quả"),
}


def usage() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = ["Cách dùng: cchc <lệnh> [tùy chọn]   (cchc <lệnh> --help: chi tiết)", "", "Các lệnh:"]
    lines += [f"  {name.ljust(width)}  {text}" for name, (_, text) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    name, rest = args[0], args[1:]
    if name not in COMMANDS:
        print(f"cchc: không có lệnh '{name}'.\n\n{usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[name][0])
    return int(module.main(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
