# `laurel --help`：每个命令和选项的用途（简体中文）。
# `about-<命令>` 是命令的说明；`help-<命令>-<选项>` 是选项的说明，没有时用通用的
# `help-<选项>`。`.value` 是用法一行里选项取值的名称。

about-laurel = laurel 用人选的资料、事迹和照片生成宣传网站。
about-build = 生成网站，写入输出目录（默认 public/）。
about-init = 新建网站：示例活动；加 --empty 则是一次真实评选的起点。
about-new = 添加一位人选：建好文件夹和带说明的 profile.yaml、story.md。
about-check = 按本次评选的规则检查每一位推荐人选（有错误时退出码为 1）。
about-export = 导出推荐人选汇总表（.xlsx 或 .csv），内含联系方式等个人信息。
about-serve = 边改边预览：在本机打开网站，每次改动后页面自动刷新。
about-import = 把收到的推荐材料（推荐表 .docx、汇总表 .xlsx、照片、视频；文件夹或 .zip）整理成人选文件夹，不覆盖编辑改过的内容。
about-deploy = 把 public/ 发布到 site.yaml 中的发布目标（对象存储或文件夹），只上传有改动的文件。密钥取自环境变量 LAUREL_DEPLOY_ACCESS_KEY_ID 和 LAUREL_DEPLOY_SECRET_ACCESS_KEY。
about-review = 评审：评分表、汇总计分、记录评选结果。
about-review-sheets = 按 campaign.review 为每位评委写一份评分表（.xlsx，默认写到 review/<年度>/）。
about-review-tally = 读入评委填好的评分表，给推荐人选排名，并检查建议名单。
about-review-select = 把评选结果写进人选的 profile.yaml（status、decided_by、decided_on）。
about-help = 显示本说明，或某个命令的说明

help-help = 显示说明
help-version = 显示版本
help-lang = laurel 说的语言：zh（简体中文）或 en（英文）；不写时看环境变量 LAUREL_LANG，再看系统语言。
    .value = 语言
help-root = 网站文件夹（含 site.yaml 的那个）。
    .value = 文件夹
help-year = 多年度的网站中，要处理的年度（默认最新一年）。
    .value = 年度
help-format = 输出格式：text 给人看，json 给脚本用。
    .value = 格式
help-quiet = 只显示错误和提醒（不显示进度条和小结）。
help-dry-run = 只列出将要写入的文件，什么也不写。

help-build-output = 输出目录；相对路径从网站文件夹算起。
    .value = 目录
help-init-dir = 新网站的文件夹。
    .value = 文件夹
help-init-empty = 开始一次真实评选：带通知的规则，不带示例人物和文字。
help-new-name = 人选姓名，也是文件夹名（如 张三）。
    .value = 姓名
help-check-format = 输出格式：text 给人看，json 给脚本和持续集成用。
help-check-only = 只显示错误（不显示提醒）。
    .value = 种类
help-check-fix-names = 按通知把肖像和照片改名为 姓名0、姓名1 …（逐个列出并更新 profile.yaml），然后检查。
help-check-year = 多年度的网站中，要检查的年度，按该年度自己的规则（默认最新一年）。
help-export-output = 要写的文件（加 --dossier 时是文件夹；也可写作 --out）；汇总表可以是 .xlsx 或 .csv（带 BOM 的 UTF-8），默认 推荐人选汇总表.xlsx。
    .value = 路径
help-export-dossier = 评审用的全部推荐人选汇编（可打印的网页，带照片），默认写到 review/<年度>/dossier/。
help-export-joint-review = 入选人员的联审信息表（身份证号等取自 `private:`），默认写到 review/<年度>/联审信息表.xlsx。
help-export-province = 报省材料：推荐省级人选的推荐表 .docx、照片、视频和汇总表打成一个 zip，默认写到 review/<年度>/。
help-export-group-by-unit = 按推荐单位排列各行。
help-export-year = 多年度的网站中，要导出的年度（默认最新一年）。
help-serve-port = 监听的端口（0 表示任选一个空闲端口）。
    .value = 端口
help-serve-bind = 监听的地址；要让别的设备（如办公室网络里的手机）访问预览，需写 --bind 0.0.0.0 之类。
    .value = 地址
help-serve-open = 在默认浏览器中打开首页。
help-import-sources = 各推荐单位报来的文件夹或 .zip 文件。
    .value = 材料
help-deploy-target = site.yaml 中 `deploy:` 列表里的发布目标名称（只有一个时可不写）。
    .value = 目标
help-deploy-output = 要发布的已生成网站；相对路径从网站文件夹算起。
    .value = 目录
help-deploy-dry-run = 列出每个要上传和删除的文件及其大小，什么也不改。
help-deploy-force = 允许删除的文件数超过该目标的 max_deletes。
help-deploy-quiet = 只显示错误（不显示进度条和小结）。
help-review-sheets-out = 写入的文件夹（不能在 public/ 下）。
    .value = 文件夹
help-review-tally-files = 评委填好的评分表文件。
    .value = 评分表
help-review-tally-format = 终端上的输出格式。
help-review-tally-out = 另把建议名单写成 .xlsx 或 .json。
    .value = 文件
help-review-select-from = `review tally --out proposal.json` 写出、经编辑确认的建议名单（.json 文件）。
    .value = 文件
help-review-select-top = 按这些评分表的计分结果取前几名。
help-review-select-files = 与 --top 同用：评委填好的评分表文件。
    .value = 评分表
help-review-select-by = 作出决定的人或机构（如 评审委员会）。
    .value = 决定者
help-review-select-on = 作出决定的日期（YYYY-MM-DD，默认今天）。
    .value = 日期
help-review-select-yes = 写入 profile.yaml；不加时只列出计划，什么也不写。

# 每页说明的框架。
help-usage-line = 用法：{ $usage }
help-usage-options = [选项]
help-heading-arguments = 参数
help-heading-options = 选项
help-heading-commands = 命令
help-command-value = 命令
help-default = （默认：{ $value }）
help-possible = （可选：{ $values }）

about-studio = 在浏览器中编辑本次评选：在本机 127.0.0.1 上打开编辑工作台。
help-studio-port = 127.0.0.1 上的端口（0 表示任选一个空闲端口）。
    .value = 端口
help-studio-no-open = 不自动在默认浏览器中打开工作台。
# 标题后的冒号（全角）。
help-heading-line = { $heading }：

# 命令行写错时的话。
parse-error = 错误：{ $what }
parse-unknown-argument = 没有 { $arg } 这个选项
parse-unknown-command = 没有“{ $command }”这个命令
parse-invalid-value = { $arg } 不能取“{ $value }”，可以取：{ $valid }
parse-bad-value = { $arg } 不能取“{ $value }”：{ $why }
parse-missing = 缺少 { $arg }
parse-missing-command = 缺少命令
parse-conflict = { $arg } 不能和 { $other } 一起用
parse-wrong-values = { $arg } 后面的值个数不对
parse-did-you-mean = 提示：是不是要用 { $suggestion }？
parse-more = 详细说明请加 --help 查看。
