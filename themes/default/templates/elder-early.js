try{var m=/[?&]elder=([01])/.exec(location.search);if(m?m[1]==="1":localStorage.getItem("laurel-elder")==="1")document.documentElement.classList.add("elder")}catch(e){}
