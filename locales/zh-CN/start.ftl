# laurel.exe 在资源管理器里双击打开时说的话（简体中文）。

double-click-title = laurel 评选网站工具
double-click-no-folder = 找不到 laurel.exe 所在的文件夹。请在命令提示符里运行 laurel.exe studio。
double-click-no-campaign = 这个文件夹里还没有评选活动：{ $folder }
double-click-ask-create = 要在这里新建一个评选活动吗？输入 Y 后按回车新建，直接按回车退出：
double-click-created = 已新建评选活动。接下来在浏览器里填写活动设置、添加推荐人选。
double-click-how-to-stop = 工作台已在浏览器中打开（没有打开时，把上面的地址复制到浏览器）。用完后关闭这个窗口，工作台就停止了。
double-click-press-enter = 按回车键关闭这个窗口。
