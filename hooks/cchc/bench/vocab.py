# ruff: noqa: E501  (Vietnamese sentences are data: kept whole, one per line)
"""Vietnamese vocabulary for the synthetic site: the words of real CCHC columns.

Drawn from the kinds of text the seed plans (``shared/seeds/``) and the demo content
use: reform areas, unit names of a provincial Department of Education and Training,
education procedures from the national portal, and the stock phrases of news items
("Sáng 05/3, ...", "Theo đó, ...", "Thực hiện Kế hoạch số ..."). Sentences are
assembled from these parts so that the text has the length, the diacritics and the
word frequencies of real items (which is what rendering and search indexing cost).
"""

from __future__ import annotations

PROVINCE = "Quảng Ninh"
PREFIX = "qn"

# Localities of the province: (slug, name, kind of the local People's Committee).
LOCALITIES = [
    ("ha-long", "Hạ Long", "thành phố"), ("cam-pha", "Cẩm Phả", "thành phố"),
    ("uong-bi", "Uông Bí", "thành phố"), ("mong-cai", "Móng Cái", "thành phố"),
    ("dong-trieu", "Đông Triều", "thành phố"), ("quang-yen", "Quảng Yên", "thị xã"),
    ("van-don", "Vân Đồn", "huyện"), ("tien-yen", "Tiên Yên", "huyện"),
    ("binh-lieu", "Bình Liêu", "huyện"), ("dam-ha", "Đầm Hà", "huyện"),
    ("hai-ha", "Hải Hà", "huyện"), ("ba-che", "Ba Chẽ", "huyện"), ("co-to", "Cô Tô", "huyện"),
]

# Divisions of the Department: (slug, full name, short name).
DIVISIONS = [
    ("van-phong", "Văn phòng Sở Giáo dục và Đào tạo", "Văn phòng Sở"),
    ("phong-tccb", "Phòng Tổ chức cán bộ", "Phòng TCCB"),
    ("phong-khtc", "Phòng Kế hoạch - Tài chính", "Phòng KHTC"),
    ("phong-gdmn", "Phòng Giáo dục Mầm non", "Phòng GDMN"),
    ("phong-gdth", "Phòng Giáo dục Tiểu học", "Phòng GDTH"),
    ("phong-gdtrh", "Phòng Giáo dục Trung học", "Phòng GDTrH"),
    ("phong-gdnn-gdtx", "Phòng Giáo dục nghề nghiệp - Giáo dục thường xuyên", "Phòng GDNN-GDTX"),
    ("phong-ktqlcl", "Phòng Khảo thí và Quản lý chất lượng giáo dục", "Phòng KT&QLCL"),
    ("thanh-tra", "Thanh tra Sở Giáo dục và Đào tạo", "Thanh tra Sở"),
    ("phong-gdct-ctss", "Phòng Giáo dục chính trị - Công tác học sinh, sinh viên", "Phòng GDCT-CTHSSV"),
]

# Names schools are called after: historical figures, places, dates.
SCHOOL_NAMES = [
    "Hòn Gai", "Bãi Cháy", "Trần Phú", "Nguyễn Trãi", "Lê Quý Đôn", "Chu Văn An", "Ngô Quyền",
    "Bạch Đằng", "Trần Hưng Đạo", "Lê Thánh Tông", "Nguyễn Bỉnh Khiêm", "Hoàng Quốc Việt",
    "Vũ Văn Hiếu", "Quang Trung", "Hùng Vương", "Lý Thường Kiệt", "Trần Nhân Tông", "Yên Hưng",
    "Hoàng Hoa Thám", "Cẩm Phả", "Lê Hồng Phong", "Mạo Khê", "Hoàng Văn Thụ", "Ngô Gia Tự",
    "Nguyễn Du", "Đông Thành", "Uông Bí", "Hồng Đức", "Lê Lợi", "Trần Quốc Tuấn", "Hải Đảo",
    "Quan Lạn", "Minh Châu", "Đầm Hà", "Quảng Hà", "Tiên Yên", "Hải Đông", "Bình Liêu",
    "Ba Chẽ", "Cô Tô", "Móng Cái", "Trà Cổ", "Lương Thế Vinh", "Phan Bội Châu", "Nguyễn Huệ",
    "Võ Thị Sáu", "Kim Đồng", "Lý Tự Trọng", "Cửa Ông", "Hạ Long", "Đông Triều", "Hoành Bồ",
    "Thống Nhất", "Hòa Bình", "Tô Hiến Thành", "Mai Hắc Đế", "Đinh Tiên Hoàng", "Nguyễn Văn Cừ",
    "Tân Dân", "Vân Đồn", "Quảng La", "Chuyên Hạ Long",
]
LOWER_SCHOOL_KINDS = [
    ("thcs", "Trường Trung học cơ sở", "Trường THCS"),
    ("th", "Trường Tiểu học", "Trường TH"),
    ("mn", "Trường Mầm non", "Trường MN"),
]

TOPICS = [
    "cai-cach-the-che", "cai-cach-thu-tuc-hanh-chinh", "cai-cach-to-chuc-bo-may",
    "cai-cach-che-do-cong-vu", "cai-cach-tai-chinh-cong", "chinh-quyen-dien-tu-so",
    "chi-dao-dieu-hanh", "chi-so-cchc",
]

# What a news item is about, per topic: (title pattern, subject phrase). {unit} and {year}
# are filled in; most titles are those of real items in CCHC columns.
NEWS_SUBJECTS = {
    "cai-cach-the-che": [
        "Rà soát, hệ thống hóa văn bản quy phạm pháp luật về giáo dục năm {year}",
        "Triển khai Luật Nhà giáo và các văn bản hướng dẫn thi hành",
        "Lấy ý kiến góp ý dự thảo quy định về dạy thêm, học thêm",
        "Tập huấn công tác kiểm tra, xử lý văn bản quy phạm pháp luật",
        "Phổ biến, giáo dục pháp luật cho cán bộ, giáo viên, nhân viên",
    ],
    "cai-cach-thu-tuc-hanh-chinh": [
        "Công khai danh mục thủ tục hành chính lĩnh vực giáo dục và đào tạo",
        "Rà soát, đơn giản hóa thủ tục hành chính năm {year}",
        "Tiếp nhận hồ sơ cấp bản sao văn bằng qua dịch vụ bưu chính công ích",
        "Nâng cao chất lượng giải quyết thủ tục hành chính tại bộ phận một cửa",
        "Hướng dẫn thủ tục chuyển trường cho học sinh trung học",
        "Giải quyết hồ sơ đúng và trước hạn đạt tỷ lệ cao",
        "Niêm yết công khai quy trình nội bộ giải quyết thủ tục hành chính",
    ],
    "cai-cach-to-chuc-bo-may": [
        "Sắp xếp, tinh gọn tổ chức bộ máy các phòng chuyên môn thuộc Sở",
        "Kiện toàn tổ chức các đơn vị sự nghiệp công lập trực thuộc",
        "Rà soát vị trí việc làm trong các cơ sở giáo dục công lập",
        "Triển khai mô hình chính quyền địa phương hai cấp trong lĩnh vực giáo dục",
        "Bàn giao nhiệm vụ quản lý giáo dục khi sắp xếp đơn vị hành chính",
    ],
    "cai-cach-che-do-cong-vu": [
        "Tăng cường kỷ luật, kỷ cương hành chính trong ngành giáo dục",
        "Bồi dưỡng nâng cao năng lực cho đội ngũ cán bộ quản lý giáo dục",
        "Xây dựng văn hóa công sở, văn hóa nhà trường năm học {year}",
        "Đánh giá, xếp loại viên chức theo kết quả thực hiện nhiệm vụ",
        "Tuyển dụng viên chức giáo dục công khai, minh bạch",
    ],
    "cai-cach-tai-chinh-cong": [
        "Giao quyền tự chủ tài chính cho các trường trung học phổ thông",
        "Thực hiện thu học phí không dùng tiền mặt",
        "Công khai dự toán ngân sách năm {year} của các đơn vị trực thuộc",
        "Thực hành tiết kiệm, chống lãng phí trong chi thường xuyên",
        "Triển khai cơ chế tự chủ theo Nghị định số 60/2021/NĐ-CP",
    ],
    "chinh-quyen-dien-tu-so": [
        "Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Tuyển sinh đầu cấp trực tuyến năm học {year}",
        "Triển khai chữ ký số trong văn bản điện tử",
        "Kết nối cơ sở dữ liệu ngành giáo dục với cơ sở dữ liệu quốc gia về dân cư",
        "Hướng dẫn phụ huynh sử dụng ứng dụng VNeID để nộp hồ sơ trực tuyến",
        "Chuyển đổi số trong quản lý trường học",
    ],
    "chi-dao-dieu-hanh": [
        "Hội nghị triển khai nhiệm vụ cải cách hành chính năm {year}",
        "Ban hành kế hoạch tuyên truyền cải cách hành chính năm {year}",
        "Kiểm tra công tác cải cách hành chính tại các đơn vị trực thuộc",
        "Sơ kết công tác cải cách hành chính 6 tháng đầu năm {year}",
        "Tổ chức cuộc thi tìm hiểu về cải cách hành chính năm {year}",
        "Đối thoại với cha mẹ học sinh về thủ tục hành chính",
        "Tổng kết công tác cải cách hành chính năm {year}",
    ],
    "chi-so-cchc": [
        "Công bố Chỉ số cải cách hành chính năm {year}",
        "Kết quả khảo sát sự hài lòng của người dân đối với dịch vụ giáo dục công",
        "Phân tích, đánh giá các chỉ số thành phần PAR Index, SIPAS",
        "Khắc phục hạn chế để nâng cao Chỉ số hài lòng về sự phục vụ hành chính",
        "Đo lường sự hài lòng của cha mẹ học sinh năm học {year}",
    ],
}

OPENINGS = [
    "Sáng {day}, {unit} tổ chức hội nghị {event} với sự tham dự của lãnh đạo các phòng chuyên môn và đại diện các đơn vị trực thuộc.",
    "Chiều {day}, {unit} đã tổ chức {event} theo hình thức trực tiếp kết hợp trực tuyến đến các điểm cầu.",
    "Ngày {day}, {unit} ban hành văn bản hướng dẫn {event}, yêu cầu các đơn vị triển khai thực hiện nghiêm túc.",
    "Thực hiện kế hoạch công tác năm {year}, {unit} đã chủ động {event} ngay từ những tháng đầu năm.",
    "Trong tuần qua, {unit} phối hợp với các cơ quan liên quan {event}, bảo đảm đúng tiến độ đề ra.",
    "Nhằm nâng cao chất lượng phục vụ người dân, doanh nghiệp, {unit} tiếp tục {event}.",
]
EVENTS = [
    "triển khai nhiệm vụ cải cách hành chính", "quán triệt các văn bản chỉ đạo của cấp trên",
    "đánh giá kết quả thực hiện kế hoạch", "tập huấn nghiệp vụ cho cán bộ làm công tác một cửa",
    "rà soát các thủ tục hành chính thuộc thẩm quyền giải quyết", "kiểm tra việc thực hiện quy chế dân chủ",
    "tuyên truyền về dịch vụ công trực tuyến", "lấy ý kiến cha mẹ học sinh về chất lượng phục vụ",
    "kiểm tra công tác văn thư, lưu trữ", "số hóa hồ sơ học sinh, hồ sơ văn bằng",
]
SUBJECTS = [
    "Các đơn vị trực thuộc", "Cán bộ, công chức, viên chức", "Bộ phận tiếp nhận và trả kết quả",
    "Lãnh đạo Sở", "Các phòng chuyên môn", "Các nhà trường", "Đội ngũ giáo viên", "Ban chỉ đạo",
    "Tổ công tác", "Phòng Giáo dục và Đào tạo các địa phương", "Hội đồng trường",
    "Ban đại diện cha mẹ học sinh",
]
VERBS = [
    "tiếp tục đẩy mạnh", "tập trung thực hiện", "nghiêm túc triển khai", "chủ động rà soát",
    "thường xuyên kiểm tra", "quyết liệt chỉ đạo", "tăng cường", "kịp thời khắc phục",
    "đã hoàn thành", "phối hợp chặt chẽ trong việc", "bảo đảm thực hiện", "duy trì có hiệu quả",
]
OBJECTS = [
    "công tác tuyên truyền về cải cách hành chính", "việc giải quyết hồ sơ thủ tục hành chính đúng hạn",
    "ứng dụng công nghệ thông tin trong quản lý, điều hành", "cơ chế một cửa, một cửa liên thông",
    "việc công khai, minh bạch các thủ tục hành chính", "kỷ luật, kỷ cương hành chính",
    "chất lượng dịch vụ công trực tuyến toàn trình", "việc số hóa hồ sơ, kết quả giải quyết",
    "quy chế dân chủ ở cơ sở", "quản lý tài chính, tài sản công", "đánh giá, xếp loại chất lượng",
    "tiếp nhận, xử lý phản ánh, kiến nghị của người dân", "việc sử dụng văn bản điện tử, chữ ký số",
    "đổi mới phương thức làm việc của cán bộ, công chức", "thanh toán không dùng tiền mặt trong trường học",
]
CONTEXTS = [
    "theo đúng chỉ đạo của Ủy ban nhân dân tỉnh", "nhằm phục vụ người dân, doanh nghiệp tốt hơn",
    "góp phần nâng cao Chỉ số cải cách hành chính của tỉnh", "trong năm học {year}",
    "theo Kế hoạch số {plan}", "trên cơ sở kết quả khảo sát sự hài lòng",
    "gắn với việc thực hiện nhiệm vụ chuyên môn", "bảo đảm thiết thực, hiệu quả, tránh hình thức",
    "đến hết quý {quarter} năm {year}", "theo hướng lấy người học làm trung tâm",
]
RESULTS = [
    "Tỷ lệ hồ sơ được giải quyết đúng hạn và trước hạn đạt {pct}%.",
    "Đã có {num} hồ sơ được tiếp nhận và giải quyết trực tuyến, tăng {pct}% so với cùng kỳ.",
    "{num} lượt cán bộ, giáo viên tham gia tập huấn và được cấp giấy chứng nhận.",
    "Kết quả khảo sát cho thấy {pct}% người được hỏi hài lòng với thái độ phục vụ của cán bộ.",
    "Toàn ngành đã số hóa {num} hồ sơ, kết quả giải quyết thủ tục hành chính.",
    "100% văn bản đi, đến được xử lý trên hệ thống quản lý văn bản và điều hành.",
    "Không có hồ sơ quá hạn; không có phản ánh, kiến nghị về thái độ phục vụ.",
]
CLOSINGS = [
    "Phát biểu kết luận, lãnh đạo {unit} đề nghị các đơn vị tiếp tục quán triệt, triển khai quyết liệt các nhiệm vụ đã đề ra, coi cải cách hành chính là nhiệm vụ trọng tâm, thường xuyên.",
    "Thời gian tới, {unit} sẽ tiếp tục rà soát, đề xuất đơn giản hóa thủ tục hành chính, tăng cường kiểm tra, đôn đốc việc thực hiện ở các đơn vị.",
    "Người dân cần hỗ trợ có thể liên hệ đường dây nóng của {unit} hoặc gửi phản ánh, kiến nghị qua Cổng dịch vụ công quốc gia.",
    "Các đơn vị báo cáo kết quả thực hiện về Văn phòng Sở trước ngày 25 của tháng cuối quý để tổng hợp.",
]
LIST_INTROS = ["Một số nội dung trọng tâm:", "Các nhiệm vụ cụ thể gồm:", "Kết quả nổi bật:",
               "Các đơn vị cần lưu ý:"]

# Real education procedures of the national catalogue: (code, name, field, level).
PROCEDURES = [
    ("1.005090", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Văn bằng, chứng chỉ", "tỉnh"),
    ("1.005092", "Chỉnh sửa nội dung văn bằng, chứng chỉ", "Văn bằng, chứng chỉ", "tỉnh"),
    ("1.001000", "Công nhận văn bằng tốt nghiệp các cấp học phổ thông do cơ sở nước ngoài cấp",
     "Văn bằng, chứng chỉ", "tỉnh"),
    ("1.004889", "Chuyển trường đối với học sinh trung học phổ thông", "Giáo dục trung học", "tỉnh"),
    ("1.004831", "Chuyển trường đối với học sinh trung học cơ sở", "Giáo dục trung học", "huyện"),
    ("1.005097", "Xin học lại tại trường khác đối với học sinh trung học", "Giáo dục trung học", "huyện"),
    ("1.004475", "Công nhận trường trung học đạt chuẩn quốc gia", "Giáo dục trung học", "tỉnh"),
    ("1.004442", "Công nhận trường tiểu học đạt chuẩn quốc gia", "Giáo dục tiểu học", "huyện"),
    ("1.004440", "Công nhận trường mầm non đạt chuẩn quốc gia", "Giáo dục mầm non", "huyện"),
    ("1.004545", "Thành lập trường trung học phổ thông công lập", "Giáo dục trung học", "tỉnh"),
    ("1.004552", "Cho phép trường trung học phổ thông hoạt động giáo dục", "Giáo dục trung học", "tỉnh"),
    ("1.004494", "Thành lập trường mầm non công lập", "Giáo dục mầm non", "huyện"),
    ("1.004515", "Cho phép trường mầm non hoạt động giáo dục", "Giáo dục mầm non", "huyện"),
    ("1.005099", "Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp", "Giáo dục nghề nghiệp", "tỉnh"),
    ("1.001088", "Cấp phép hoạt động giáo dục kỹ năng sống và hoạt động giáo dục ngoài giờ chính khóa",
     "Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân", "tỉnh"),
    ("1.001714", "Đăng ký dự thi tốt nghiệp trung học phổ thông", "Thi, tuyển sinh", "tỉnh"),
    ("1.005142", "Phúc khảo bài thi tốt nghiệp trung học phổ thông", "Thi, tuyển sinh", "tỉnh"),
    ("1.005095", "Đề nghị miễn giảm học phí, hỗ trợ chi phí học tập", "Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân",
     "huyện"),
    ("1.008950", "Hỗ trợ học tập đối với học sinh trung học phổ thông các dân tộc thiểu số rất ít người",
     "Giáo dục dân tộc", "tỉnh"),
    ("1.008951", "Hỗ trợ ăn trưa đối với trẻ em mẫu giáo", "Giáo dục mầm non", "huyện"),
    ("1.005106", "Cấp giấy phép tổ chức hoạt động dạy thêm, học thêm", "Giáo dục trung học", "tỉnh"),
    ("2.001809", "Xét tuyển sinh vào trường phổ thông dân tộc nội trú", "Giáo dục dân tộc", "tỉnh"),
    ("1.004479", "Công nhận xã đạt chuẩn phổ cập giáo dục, xóa mù chữ", "Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân",
     "huyện"),
    ("1.000279", "Tiếp nhận đối tượng học bổ túc trung học cơ sở", "Giáo dục thường xuyên", "huyện"),
    ("1.010941", "Chuyển đổi nhà trẻ, trường mẫu giáo, trường mầm non tư thục", "Giáo dục mầm non", "huyện"),
    ("3.000182", "Cấp giấy chứng nhận kiểm định chất lượng giáo dục", "Kiểm định chất lượng giáo dục", "tỉnh"),
]
STEPS = [
    "Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định và nộp tại Bộ phận tiếp nhận và trả kết quả hoặc trên Cổng dịch vụ công quốc gia.",
    "Cán bộ tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; trường hợp hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần.",
    "Phòng chuyên môn thẩm định hồ sơ, kiểm tra thực tế (nếu cần) và trình lãnh đạo xem xét, quyết định.",
    "Trường hợp không đủ điều kiện, cơ quan giải quyết trả lời bằng văn bản và nêu rõ lý do.",
    "Trả kết quả tại Bộ phận tiếp nhận và trả kết quả, qua dịch vụ bưu chính công ích hoặc trên môi trường điện tử.",
]
WAYS = ["Nộp trực tiếp tại Trung tâm Phục vụ hành chính công.", "Gửi qua dịch vụ bưu chính công ích.",
        "Nộp trực tuyến trên Cổng dịch vụ công quốc gia hoặc Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh."]
DOCUMENTS = [
    "Đơn đề nghị theo mẫu.", "Bản sao giấy khai sinh hoặc trích lục khai sinh.",
    "Học bạ (bản chính).", "Giấy giới thiệu của nhà trường nơi chuyển đi.",
    "Thẻ Căn cước hoặc hộ chiếu còn giá trị sử dụng (để đối chiếu).",
    "Tờ trình của cơ quan đề nghị.", "Biên bản kiểm tra của đoàn đánh giá.",
    "Báo cáo tự đánh giá của nhà trường.", "Giấy ủy quyền (trường hợp nộp thay).",
    "Quyết định thay đổi, cải chính hộ tịch (nếu có).",
]
TARGETS = ["Công dân Việt Nam, người nước ngoài.", "Học sinh và cha mẹ học sinh.",
           "Các cơ sở giáo dục công lập và ngoài công lập.", "Tổ chức, cá nhân có nhu cầu."]
LEGAL = [
    "Luật Giáo dục số 43/2019/QH14 ngày 14/6/2019.",
    "Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính.",
    "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính.",
    "Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thực hiện thủ tục hành chính trên môi trường điện tử.",
    "Thông tư số 21/2019/TT-BGDĐT ngày 29/11/2019 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
    "Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 ban hành Điều lệ trường trung học cơ sở, trường trung học phổ thông.",
    "Nghị định số 81/2021/NĐ-CP ngày 27/8/2021 quy định về cơ chế thu, quản lý học phí.",
]
PROCESSING = ["05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "Ngay trong ngày nhận yêu cầu",
              "03 ngày làm việc", "10 ngày làm việc", "20 ngày làm việc kể từ ngày nhận đủ hồ sơ",
              "15 ngày làm việc"]
FEES = ["Không", "Theo quy định của Bộ Tài chính", "Không quy định", "Miễn phí"]

PLAN_KINDS = [
    ("tuyen-truyen", "Kế hoạch tuyên truyền cải cách hành chính năm {year}"),
    ("cchc", "Kế hoạch cải cách hành chính năm {year}"),
    ("kiem-soat-tthc", "Kế hoạch kiểm soát thủ tục hành chính năm {year}"),
    ("chuyen-doi-so", "Kế hoạch chuyển đổi số và cải cách hành chính năm {year}"),
    ("kiem-tra", "Kế hoạch kiểm tra công tác cải cách hành chính năm {year}"),
]
TASK_TITLES = [
    "Duy trì chuyên mục cải cách hành chính trên cổng thông tin điện tử",
    "Đăng tải tin, bài về kết quả cải cách hành chính của ngành",
    "Tổ chức đối thoại trực tuyến với cha mẹ học sinh về thủ tục hành chính",
    "Xây dựng chuyên đề phát thanh tuyên truyền về cải cách hành chính",
    "Tổ chức cuộc thi tìm hiểu về cải cách hành chính",
    "Lồng ghép tuyên truyền dịch vụ công trực tuyến vào hoạt động ngoại khóa",
    "Rà soát, cập nhật, công khai thủ tục hành chính",
    "Kiểm tra công tác cải cách hành chính tại các đơn vị",
    "Khảo sát sự hài lòng của người dân đối với dịch vụ giáo dục công",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "Tập huấn nghiệp vụ cho cán bộ làm công tác một cửa",
    "Xây dựng báo cáo cải cách hành chính định kỳ quý, 6 tháng, năm",
    "Thực hiện thu học phí không dùng tiền mặt",
    "Biểu dương, khen thưởng tập thể, cá nhân có sáng kiến cải cách hành chính",
    "Cập nhật cơ sở dữ liệu ngành giáo dục",
    "Tuyên truyền trên báo, đài phát thanh và truyền hình của tỉnh",
]
PRODUCTS = ["Chuyên mục", "Tin, bài", "Cuộc đối thoại", "Chuyên đề phát thanh", "Cuộc thi",
            "Báo cáo", "Tài liệu tuyên truyền", "Kế hoạch, báo cáo kết quả", "Hồ sơ số hóa"]
PLAN_SECTIONS = [
    ("I. Mục đích, yêu cầu", ["Mục đích", "Yêu cầu"]),
    ("II. Nội dung tuyên truyền", ["Nội dung trọng tâm"]),
    ("III. Hình thức", ["Trên cổng thông tin điện tử", "Qua hội nghị, tập huấn", "Trong nhà trường"]),
    ("IV. Kinh phí", []),
    ("V. Tổ chức thực hiện", ["Văn phòng Sở", "Các phòng chuyên môn", "Các đơn vị trực thuộc"]),
]
