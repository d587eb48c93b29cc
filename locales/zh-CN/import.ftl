# `laurel import` 对收到的材料说的话，以及导入报告（简体中文）。
# `.fix` 是写在问题下面的改法。参数写作 $like_this。

import-no-source = 没有这个文件或文件夹
    .fix = 给出推荐单位报来的文件夹或压缩包
import-unreadable = 无法读取：{ $why }
import-zip-unreadable = 压缩包打不开（`{ $why }`）
    .fix = 请推荐单位重新发送，或先解压再导入解压出的文件夹
import-zip-password = 压缩包设了密码
    .fix = 请推荐单位发送不带密码的压缩包，或先解压再导入解压出的文件夹
import-zip-entry = 压缩包里有文件读不出来（`{ $why }`）
    .fix = 请推荐单位发送不带密码的压缩包，或先解压再导入解压出的文件夹
import-zip-escape = 压缩包里这个文件的路径指到了压缩包之外，没有导入
    .fix = 请推荐单位重新打包
import-zip-unpack = 解压失败（`{ $why }`）
import-not-docx = 不是能读取的 Word 文档（`{ $why }`）
    .fix = 用 Word 或 WPS 打开，另存为 .docx
import-docx-encrypted = 文档设了密码
    .fix = 请推荐单位发送不带密码的文档
import-not-spreadsheet = 不是能读取的表格（`{ $why }`）
    .fix = 用 Excel 或 WPS 打开，另存为 .xlsx
import-no-summary-sheet = 这个表格里没有汇总表（找不到含“姓名”“性别”等列名的表头行），没有使用
    .fix = 汇总表须有一行通知规定的列名
import-unknown-kind = laurel 不导入这类文件，已略过
    .fix = 可导入的有：.docx/.doc 推荐表和事迹材料、.xlsx/.xls 汇总表、JPEG/PNG/HEIC 照片、MP4/MOV 视频
import-form-nameless = 这份推荐表没有填姓名
    .fix = 在推荐表的“姓名”栏填上姓名，或请推荐单位补交完整的推荐表
import-office-missing = 这是旧版 Word（.doc）或 WPS 文件，本机没有安装用来转换的 LibreOffice
    .fix = 安装 LibreOffice（`apt install libreoffice-writer`）后重新导入，或用 Word、WPS 打开另存为 .docx
import-office-missing-again = 这是旧版 Word（.doc）或 WPS 文件，本机没有安装用来转换的 LibreOffice
    .fix = 同上：安装 LibreOffice，或另存为 .docx
import-office-failed = 无法转换为 .docx（`{ $why }`）
    .fix = 用 Word 或 WPS 打开，另存为 .docx
import-heic-no-converter = 这是 iPhone 拍的 HEIC 照片，本机没有安装转换工具 heif-convert，没有导入
    .fix = 安装 libheif 工具（Debian/Ubuntu：`apt install libheif-examples`）后重新导入，或把照片转成 JPEG
import-heic-failed = HEIC 照片转换失败（`{ $why }`）
    .fix = 手动转成 JPEG，或请推荐单位提供 JPEG 原图
import-temp-folder = 无法创建临时文件夹（`{ $why }`）

import-second-form = { $name }有第二份推荐表，使用了第一份
    .fix = 从报送材料中删去不要的那份，再重新导入
import-name-unusable = 推荐表中的姓名“{ $name }”不能用作文件夹名
    .fix = 在推荐表中改正姓名（不超过 20 个字，不含 / \ : .）
import-row-without-form = 汇总表中有{ $name }，但没有收到推荐表
    .fix = 人选资料暂按汇总表这一行生成；请推荐单位补交推荐表
import-disagree = 推荐表和汇总表中{ $name }的{ $what ->
        [birth] 出生年月
        [gender] 性别
        [recommender] 推荐单位
       *[unit] 工作单位
    }不一致：“{ $form }”和“{ $summary }”
    .fix = 请向推荐单位核实；暂用推荐表中的填写
import-second-story = 第二份事迹材料，使用了第一份
    .fix = 每位人选只保留一份事迹材料
import-unassigned = 看不出这个文件是哪位人选的，没有导入
    .fix = 在文件名或文件夹名中写上人选姓名，或把每位人选的材料和推荐表放在同一个文件夹里
import-unit-unnamed = （没有填写推荐单位）
import-no-summary = 报来 { $count } 份推荐表，但没有汇总表
    .fix = 请推荐单位补交推荐人选汇总表（附件2）
import-rows-without-forms = 汇总表中的{ $names }没有推荐表
    .fix = 请推荐单位补交缺少的推荐表
import-contact-moved = 事迹中有联系方式（{ $lines }），这一行已移到 profile.yaml 的 `private:` 中，不会公开
    .fix = 看看去掉这一行后事迹是否仍然通顺
import-form-picture = { $form }（推荐表中的照片）
import-conflict = 上次导入后有人改过这个文件，新收到的材料也有改动，没有用新版覆盖
    .fix = 与 { $from } 对照，必要时手动合并
import-cannot-write = 无法写入（`{ $why }`）
import-cannot-write-record = 无法写入导入记录（`{ $why }`）

# 报告。
import-action = { $action ->
        [new] 新增
        [updated] 更新
        [unchanged] 未变
        [kept] 保留
       *[conflict] 冲突
    }
import-problem = { $file }：{ $message }
import-still-needed = 还需补齐（`laurel check`）：
import-units = 推荐单位
import-not-imported = 未导入
import-summary = { $dry ->
        [yes] 将导入
       *[no] 已导入
    } { $count } 位人选{ $dry ->
        [yes] （试运行：没有写入任何文件）
       *[no] {""}
    }
