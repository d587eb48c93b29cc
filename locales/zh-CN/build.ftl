# 生成网站时的提醒（简体中文）。


# 模板和页面出错（render）。
template-render-failed = 生成 { $page } 时出错：{ $why }
    .fix = 修改这个模板，或删掉网站里的这份模板，改用内置模板
template-article-failed = 生成{ $name }的公众号文章时出错：{ $why }
    .fix = 修改这个模板，或删掉网站里的这份模板，改用内置模板
template-error = 模板有错误：{ $why }
    .fix = 语法请看 Tera 模板的文档
template-unreadable = 无法读取这个模板：{ $why }
theme-file-unreadable = 无法读取主题文件：{ $why }
theme-missing = 找不到主题 `{ $name }`：没有 themes/{ $name }/ 文件夹
    .fix = 建立这个主题文件夹，或删掉 `theme:` 一行，改用内置的默认主题
media-no-jpeg = 图片处理没有做出这张图片的 JPEG
    .fix = 删掉 .laurel-cache/ 文件夹后重新生成
old-urls-year-unknown = old_urls_year 填的 { $year } 年不是网站里的年份（{ $years }）
    .fix = 填写网站分年之前放在网站根目录的那一年（content/ 下的一个文件夹）
rename-target-exists = { $path } 已经存在：请先把它移走再试
# 事迹里被去掉的 HTML（html-removed 的 $what）。
removed-script-link = 指向 `{ $url }` 的链接（这是脚本，不是页面）
removed-element = <{ $name }> 元素{ $name ->
        [iframe] ：视频应放在人选的 videos/ 文件夹中（MP4 或 MOV），不要用其他网站的播放器
        [video] ：视频应放在人选的 videos/ 文件夹中（MP4 或 MOV），不要用其他网站的播放器
        [embed] ：视频应放在人选的 videos/ 文件夹中（MP4 或 MOV），不要用其他网站的播放器
        [object] ：视频应放在人选的 videos/ 文件夹中（MP4 或 MOV），不要用其他网站的播放器
        [script] ：页面不运行事迹中的脚本
       *[other] {""}
    }
year-begun-already = { $year } 年的评选已经开始过了（content/{ $year }/ 已存在）
    .fix = 在阶段与年度里查看这一年，或先移走这个文件夹
year-begun-header = { $year } 年的评选设置：由 { $from } 年复制，年度、日期、阶段和公示请按本届通知填写
