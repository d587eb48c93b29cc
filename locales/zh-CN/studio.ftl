# laurel studio：浏览器中的评选工作台（简体中文）。
# 没有参数的消息也供工作台的页面脚本使用（/api/messages）。

studio-title = 评选工作台
studio-site = 预览网站
studio-started = 在浏览器中打开上面的地址即可编辑（地址含本次的密钥，请勿外传）；按 Ctrl-C 停止工作台。
studio-refused-host = 拒绝访问：这不是本机 laurel 工作台的地址
studio-refused-secret = 拒绝访问：请用 laurel studio 显示的完整地址（含 key=…）打开工作台
studio-refused-write = 拒绝修改：只有工作台自己的页面可以保存
studio-too-large = 内容太大：最多 { $limit } MB
studio-loading = 正在读取评选资料…
studio-load-failed = 无法读取评选资料，请查看运行 laurel studio 的窗口
studio-nominees = 推荐人选
studio-selected = 入选
studio-province = 报省
studio-young = 青年
studio-young-note = 青年占比不低于
studio-findings-total = 检查结果
studio-errors = 错误
studio-warnings = 提醒
studio-clean = 无问题
studio-checking = 检查中…
studio-unchecked = 未能检查
studio-check-failed = 检查未能完成，请查看运行 laurel studio 的窗口；点「重新检查」再试
studio-more = 显示更多
studio-search = 搜索姓名、单位、推荐单位
studio-all-categories = 全部类别
studio-all-states = 全部状态
studio-only-errors = 有错误
studio-only-warnings = 只有提醒
studio-only-clean = 无问题
studio-none-match = 没有符合条件的推荐人选
studio-no-nominees = 还没有推荐人选
studio-no-portrait = 缺二寸照
studio-unloaded = 资料无法读取
studio-status-nominated = 推荐
studio-status-selected = 入选
studio-status-not-selected = 未入选
studio-young-mark = 青年
studio-units = 各推荐单位名额
studio-unit-over = 超出名额
studio-campaign-findings = 全局问题
studio-no-campaign-findings = 没有全局问题
studio-fix = 修改办法
studio-shown = 显示
studio-of = 共
studio-reload = 重新检查
studio-failed-start = 未能启动工作台
studio-failed-stopped = 工作台已停止
studio-new = 新增推荐人选
studio-new-name = 姓名
studio-new-add = 新增
studio-new-done = 已新增，请在 profile.yaml 和 story.md 中填写资料

# 照片与视频（photos.js）
studio-media-title = 照片与视频
studio-media-back = ← 返回全部推荐人选
studio-media-drop = 把照片或视频拖到这里，或点击选择（可多选；JPEG、PNG、HEIC、MP4、MOV）
studio-media-choose = 选择文件
studio-media-uploading = 正在上传，共
studio-images-making = 正在生成网站用的图片
studio-images-made = 网站用的图片已生成
studio-images-failed = 张未能生成，原因见检查结果
studio-media-portrait = 二寸照（姓名0）
studio-media-photos = 生活工作照
studio-media-videos = 视频
studio-media-limit-photos = 照片张数
studio-media-each-at-least = 张，每张至少
studio-media-limit-portrait = 二寸照
studio-media-width-at-least = 宽至少
studio-media-limit-videos = 视频
studio-media-at-most = 最长
studio-media-or = 或
studio-media-limit-upload = 单个文件上传上限（照片 / 视频）
studio-media-unreadable = 无法读取时长和尺寸
studio-goto-field = 去修改
studio-goto-media = 去照片与视频
studio-in-site-yaml = 在 site.yaml 中修改（用文本编辑器打开）
studio-story-pasted-image = 粘贴的图片
studio-story-images-went = 图片已放入照片（正文只留文字）
studio-media-poster = 海报
studio-media-caption = 图说
studio-media-up = 前移
studio-media-down = 后移
studio-media-make-portrait = 设为二寸照
studio-media-original = 原文件名
studio-media-focus = 点击照片设定焦点：网站的裁切以它为中心
studio-media-video-title = 视频标题
studio-media-saving = 正在保存…
studio-media-saved = 已保存到 profile.yaml
studio-media-conflict = profile.yaml 在别处被改过，没有保存：请刷新本页，读取新内容后再改
studio-upload-kind = 不能上传“{ $name }”：只收 JPEG、PNG、HEIC 照片和 MP4、MOV 视频
studio-upload-too-large = 文件太大：最多 { $limit } MB
studio-upload-failed = 保存上传的文件失败：{ $why }
studio-upload-unreadable = “{ $name }”无法读取，没有保存：{ $why }
studio-receive-tab = 接收材料
studio-receive-title = 接收推荐材料
studio-receive-note = 把各推荐单位报来的材料拖到这里：文件夹、.zip 压缩包、推荐表（Word）、汇总表（Excel 或 CSV）、照片和视频，可以一次拖很多个。材料先放在站点里的暂存文件夹 .laurel-studio/inbox/ 中（检查和生成都不看它），列出导入计划；点「确认导入」之前，不会往评选里写任何东西。
studio-receive-limits = 上传上限
studio-receive-limit-file = 单个文件
studio-receive-limit-batch = 一批共
studio-receive-limit-files = 个文件
studio-receive-drop = 拖入文件夹或文件，或者：
studio-receive-choose-files = 选择文件…
studio-receive-choose-folder = 选择文件夹…
studio-receive-sending = 正在上传
studio-receive-planning = 正在读取材料，列出导入计划…
studio-receive-plan = 导入计划（还没有写入）
studio-receive-plan-note = 确认后将导入
studio-receive-people = 人（团队）
studio-receive-problems = 无法读取或需要注意的文件
studio-receive-team = 团队
studio-receive-units = 推荐单位
studio-receive-no-unit = （未写推荐单位）
studio-receive-forms = 推荐表
studio-receive-rows = 汇总表行
studio-receive-files = 收到的文件
studio-receive-file-used = 已用上
studio-receive-file-junk = 系统杂项文件，不导入
studio-receive-file-unused = 没有用上
studio-receive-action-new = 新建
studio-receive-action-updated = 更新
studio-receive-action-unchanged = 不变
studio-receive-action-kept = 保留编辑改过的版本
studio-receive-action-conflict = 冲突：两边都改过，不动
studio-receive-confirm = 确认导入
studio-receive-discard = 放弃
studio-receive-discarded = 已放弃，暂存的材料已删除
studio-receive-importing = 正在导入…
studio-receive-done = 已导入
studio-receive-to-dashboard = 回到总览
studio-receive-too-many = 这一批文件太多：最多 { $limit } 个
studio-receive-too-large = 文件太大：单个文件最多 { $file } MB，一批共最多 { $batch } MB
studio-receive-twice = 这一批里已经有“{ $name }”
studio-handouts-tab = 材料包
studio-handouts-title = 材料包
studio-handouts-summary = 推荐人选汇总表
studio-handouts-xlsx = 下载汇总表（Excel）
studio-handouts-csv = 下载汇总表（CSV）
studio-handouts-private = 含个人信息，仅供内部使用
studio-handouts-summary-note = 与 laurel export 导出的相同：每位能读取的推荐人选一行，含联系电话。只发给主办单位，不要放到网站或群里。
studio-handouts-kit = 新媒体素材（最近一次生成的网站）
studio-handouts-kit-note = 每位公开的人物：卡片链接、二维码、海报、长图和其他下载，以及公众号文章草稿。素材来自最近一次生成的 public/ 文件夹；修改之后请重新生成。
studio-handouts-no-build = 还没有生成过网站，没有素材可取。
studio-handouts-go-build = 去生成网站
studio-handouts-not-built = 最近一次生成里没有这位（未入选、不在公示中，或之后才加入）。
studio-handouts-card = 卡片链接
studio-handouts-copy = 复制
studio-handouts-qr = 卡片二维码
studio-handouts-article = 公众号文章草稿
studio-handouts-copy-body = 复制正文
studio-handouts-copy-summary = 复制简要事迹
studio-handouts-open-draft = 打开草稿
studio-handouts-copied = 已复制
studio-handouts-copy-failed = 浏览器不允许复制，请打开草稿后手动复制
studio-no-secret = 无法为本次会话生成密钥：{ $error }
studio-stopped = 工作台不再接受连接
studio-conflict = 这个文件在工作台读取之后被改过（可能是在别的编辑器里改的，或重新导入过）：请在两个版本中选择一个
studio-not-writable = 工作台不能修改这个文件：只能修改 content/ 下的资料和 site.yaml
studio-not-found = 没有找到：地址不对，或这个文件、这位推荐人选已不在
studio-method-not-allowed = 工作台不接受这种请求
studio-bad-request = 请求的内容不对，请刷新页面后重试
studio-no-history = 没有可以恢复的早先版本
studio-cannot-write = 无法保存：{ $reason }
studio-unknown-field = 表单里没有这一项：{ $key }
studio-preview-unloaded = 资料无法读取，暂时不能预览：请先改正标红的项
studio-status = { $status ->
        [nominated] 推荐
        [selected] 入选
       *[not_selected] 未入选
    }
studio-field = { $key ->
        [name] 姓名
        [gender] 性别
        [birth] 出生年月
        [organization] 工作单位
        [title] 职称
        [position] 职务
        [field] 从事领域
        [region] 所在县市区
        [category] 类别
        [channel] 推荐渠道
        [recommender] 推荐单位
        [identity] 身份
        [status] 评选状态
        [decided_by] 决定人
        [decided_on] 决定日期
        [province_pick] 推荐参加省级评选
        [consent] 本人同意公开的日期
        [honors] 荣誉
        [quote] 寄语
        [summary] 简要事迹
        [private] 隐私资料
       *[other] { $key }
    }
studio-choose = （请选择）
studio-one-per-line = 每行一项
studio-private-example = 每行一项，例如 电话：13800000000
studio-required = 必填
studio-section-person = 基本信息
studio-section-nomination = 推荐与评选
studio-section-deeds = 事迹与荣誉
studio-section-private = 隐私资料（不公开）
studio-private-note = 这里的内容只供 laurel export 导出报送材料，绝不会出现在网站、预览和海报上。
studio-unsaved = 有未保存的修改
studio-saving = 正在保存…
studio-saved = 已保存
studio-took-theirs = 已采用磁盘上的版本
studio-conflict-title = 文件已在别处被修改
studio-conflict-mine = 工作台里的版本（我的修改）
studio-conflict-theirs = 磁盘上的版本（别处的修改）
studio-keep-mine = 用我的版本
studio-take-theirs = 用磁盘上的版本
studio-nothing-to-undo = 没有可以撤销的修改
studio-undone = 已撤销
studio-undo = 撤销
studio-save = 保存
studio-back = 总览
studio-history = 修改记录
studio-history-profile = 基本信息
studio-history-story = 事迹
studio-restore = 恢复到这一版
studio-restored = 已恢复
studio-changes-intro = 工作台对文件的每一次修改，最新的在前。「恢复到这次修改之前」把文件改回这次修改前的样子；恢复本身也记为一次修改，还可以再恢复回来。
studio-changes-none = 还没有修改记录：在工作台里保存过的文件会列在这里。
studio-changes-lines = 行有改动
studio-changes-restore = 恢复到这次修改之前
studio-phases = 阶段与年度
studio-phase-intro = 公示期间只发布公示；展示阶段发布整个网站。下面是按现在的推荐人选和设置，每个阶段会公开的内容。阶段写在
studio-phase-now = 当前阶段
studio-phase-listed = 公开的人员
studio-phase-nobody = 无人
studio-phase-switch = 切换到：
studio-phase-switched = 已切换到：
studio-phase-pages = { $phase ->
        [publicity] 只发布公示页（它也是首页）、附加页面和 404 页；不发布个人页面、H5 卡片、图说、媒体包、照片、海报、订阅和搜索索引。
       *[showcase] 发布首页和筛选页、{ $count } 人各自的个人页面和 H5 卡片、图说、媒体包、照片和海报、订阅、搜索索引和网站地图{ $publicity ->
            [yes] ，公示页也保留
           *[no] {""}
        }。
    }
studio-years = 年度
studio-years-none = 网站里还没有往届。
studio-year-look = 年（只读查看）
studio-year-read-only = 年 · 只读
studio-year-next = 开始新一届：
studio-year-next-note = 开始新一届会复制本届的评选设置（类别、规则与名额、排序、评分标准），年度、日期、阶段和公示留给新一届填写；本届的推荐人选移到自己的年份文件夹，已发布的网址继续有效。
studio-year-next-confirm = 确定开始新一届吗？
studio-year-begun = 已开始新一届：
studio-year-next-yes = 确定开始
studio-settings = 设置
studio-settings-year-file = 本届有自己的 campaign.yaml：「评选活动」「评选规则与名额」和「公示」各项读自并保存到这个文件（site.yaml 里的同名设置只用于没有自己 campaign.yaml 的年份），其余各项在 site.yaml。本届的文件：
studio-settings-intro = 这里改的是 site.yaml：只改动过的项会写回文件，文件里的注释和顺序保持不变。输入时即按 laurel check 的规则检查。
studio-settings-save = 保存设置
studio-settings-conflict = site.yaml 已在别处被修改，设置没有保存。请重新载入后再改。
studio-settings-reload = 重新载入
studio-settings-none = （无）
studio-target-add = 添加发布目标
studio-target-remove = 删除这个目标
studio-target-secret-note = 密钥不写在这里：发布时从环境变量读取，或在发布页面输入，只用于那一次。
studio-setting-section = { $section ->
        [site] 网站
        [campaign] 评选活动
        [rules] 评选规则与名额
        [publicity] 公示
        [footer] 页脚与备案
       *[deploy] 发布目标
    }
studio-setting-choice = { $value ->
        [publicity] 公示
        [showcase] 展示
        [none] 不记录评选（文件夹里都是入选者）
        [selection] 记录评选（文件夹里是全部推荐人选）
        [pinyin] 按拼音
        [strokes] 按姓氏笔画
        [manual] 手动排序
        [s3] 对象存储（S3 兼容：OSS、COS、OBS）
       *[folder] 本机或共享文件夹
    }
studio-setting = { $key ->
        [title] 网站名称
        [subtitle] 副标题
        [description] 网站简介
        [organizer] 主办单位
        [base_url] 网站地址（发布后的网址）
        [campaign_name] 评选活动正式名称
        [campaign_year] 年度
        [campaign_reference_date] 计算年龄的日期
        [campaign_phase] 阶段
        [campaign_round] 评选记录
        [campaign_order] 名单排序
        [campaign_categories] 类别（每行一项）
        [campaign_publicise_nominees] 公示推荐人选（不只公示入选者）
        [campaign_rules_laureates] 入选名额
        [campaign_rules_province_picks] 推荐参加省级评选人数
        [campaign_rules_selection_final] 评选结果已确定
        [campaign_rules_quotas_county] 每个县市区推荐名额
        [campaign_rules_quotas_society] 每个学会推荐名额
        [campaign_rules_quotas_university] 每个高校科协推荐名额
        [campaign_rules_young_age] 青年年龄（周岁以下）
        [campaign_rules_young_share] 青年最低占比（0 到 1）
        [campaign_rules_summary_max_chars] 简要事迹最多字数
        [campaign_rules_photos_min] 照片最少张数
        [campaign_rules_photos_max] 照片最多张数
        [campaign_rules_photo_min_bytes] 每张照片最小字节数
        [campaign_rules_portrait_min_width] 二寸照最小宽度（像素）
        [campaign_rules_video_max_seconds] 视频最长秒数
        [campaign_rules_require_consent] 必须有本人同意公开
        [campaign_rules_honor_keywords] 需提醒的荣誉关键词（每行一项）
        [campaign_rules_excluded_identities] 不得推荐的身份（每行一项）
        [campaign_publicity_start] 公示开始日期
        [campaign_publicity_end] 公示结束日期
        [campaign_publicity_phone] 受理异议电话
        [campaign_publicity_email] 受理异议邮箱
        [campaign_publicity_address] 受理异议地址
        [campaign_publicity_signed] 公示落款
        [campaign_publicity_date] 公示落款日期
        [public_contacts] 可以公开的联系方式（每行一项）
        [footer_organizers] 主办
        [footer_undertaker] 承办
        [footer_icp] ICP 备案号
        [footer_police] 公安备案号
        [footer_site_code] 网站标识码
        [footer_contact] 联系我们
        [footer_ipv6] 本网站支持 IPv6
        [deploy] 发布目标
        [deploy_name] 名称
        [deploy_kind] 类型
        [deploy_endpoint] 服务地址（endpoint）
        [deploy_bucket] 存储桶
        [deploy_region] 区域
        [deploy_prefix] 路径前缀
        [deploy_path_style] 路径式访问（MinIO 等）
        [deploy_path] 文件夹
        [deploy_max_deletes] 一次最多删除的文件数
       *[other] { $key }
    }
studio-story = 事迹全文（story.md）
studio-story-note = 用 Markdown 书写：空一行分段，## 开头是小标题。可以直接从 Word 或 WPS 粘贴；粘贴或拖进来的图片会放入照片，正文只留文字。
studio-preview = 预览
studio-preview-profile = 个人页面
studio-preview-card = H5 卡片
studio-publish = 生成与发布
studio-job-running = 已有一项操作正在进行：请等它完成，或先停止它
studio-job-none = 没有正在进行的操作
studio-job-done = 完成
studio-job-failed = 未能完成
studio-job-stopped = 已停止
studio-job-images = 图片
studio-job-files = 文件
studio-stop = 停止
studio-stopping = 正在停止…
studio-seconds = 秒
studio-step-waiting = 准备中
studio-step-load = 读取并检查资料
studio-step-media = 处理图片和视频
studio-step-posters = 绘制海报和长图
studio-step-render = 生成页面
studio-step-write = 写入 public/ 文件夹
studio-step-compare = 比较网站与发布位置
studio-step-upload = 上传文件
studio-step-delete = 删除网站已不用的文件
studio-build-title = 生成网站
studio-build-note = 把全部资料生成可以发布的网站（public/ 文件夹），和命令 laurel build 相同。中途停止不会改动上次生成的网站。
studio-build-start = 生成网站
studio-build-done = 已生成
studio-build-laureates = 位人物
studio-build-pages = 个页面
studio-build-media = 个图片和视频文件
studio-build-up-to-date = 资料没有变化，上次生成的网站已是最新
studio-build-warnings = 生成时的提醒
studio-build-no-warnings = 没有提醒
studio-build-problems = 未能生成，原因如下
studio-build-stopped = 已停止生成，上次生成的网站保持不变
studio-preview-phone = 手机（390 像素宽）
studio-preview-desktop = 电脑（1280 像素宽，缩小一半显示）
studio-deploy-title = 发布网站
studio-deploy-note = 把生成好的网站（public/ 文件夹）发布到 site.yaml 中的发布目标，和命令 laurel deploy 相同：先列出发布计划（上传、删除哪些文件），确认后才改动发布位置。中途停止后，再发布一次即可补齐。
studio-deploy-no-targets = site.yaml 中还没有发布目标：请在「设置」的「发布目标」中添加。
studio-deploy-not-built = 还没有生成网站：请先点上面的「生成网站」。
studio-deploy-target = 发布目标
studio-deploy-key-title = 访问密钥
studio-deploy-key-id = 访问密钥 ID（AccessKey ID）
studio-deploy-secret = 访问密钥 Secret（AccessKey Secret）
studio-deploy-key-note = 密钥只用于这一次发布：不写入任何文件，不再显示，发布结束后从本页清除。
studio-deploy-plan = 查看发布计划
studio-deploy-confirm = 确认发布
studio-deploy-will = 发布计划
studio-deploy-did = 已发布
studio-deploy-upload = 上传
studio-deploy-delete = 删除
studio-deploy-unchanged = 不变
studio-deploy-files = 个文件
studio-deploy-new = 新增
studio-deploy-changed = 更新
studio-deploy-changes = 逐个文件
studio-deploy-more = 另有文件：
studio-deploy-over-limit = 要删除的文件超过了这个发布目标的上限（max_deletes）：
studio-deploy-confirm-deletions = 我已核对，确认删除这些文件
studio-deploy-confirm-deletions-first = 请先核对要删除的文件，勾选「确认删除」后再发布
studio-deploy-stopped = 已停止发布：已上传的文件照常可用，再发布一次即可补齐
studio-deploy-problems = 未能发布，原因如下
studio-private-key-phone = 联系电话
studio-private-key-email = 电子邮箱
studio-private-key-id_number = 身份证号
studio-private-key-ethnicity = 民族
studio-private-key-politics = 政治面貌
studio-private-key-education = 学历
studio-private-key-address = 通讯地址
studio-private-key-postcode = 邮政编码
studio-private-key-opinion = 推荐单位意见
studio-publish-check-found = 检查发现
studio-publish-check-note = 。生成和发布不会因此停下：发布前请先看过这些问题，
studio-publish-check-see = 到「推荐人选」查看
studio-publish-check-clean = 检查没有发现问题。
