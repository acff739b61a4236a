/*
 * The site's one script in <head>, loaded as a file so the Content-Security-Policy
 * (scripts/serve/nginx-cchc.conf) needs no inline script or inline event handler:
 *
 * 1. Material 9.8.1's inline head script (partials/javascripts/base.html), unchanged but
 *    for where the scope comes from: the site's root, two folders above this file, or a
 *    site's own extra.scope (the data-md-scope attribute of this script's tag, written by
 *    docs/overrides/base.html only then). It defines the helpers Material's
 *    bundle uses to keep settings per site in localStorage.
 * 2. The "In / lưu trang" buttons (data-cchc-print, docs/overrides/cchc/partials/actions.html) print the page;
 *    the home page's search button (data-cchc-open-search, cchc/home.html) opens the header's search box.
 * 3. The feed links (<link rel="alternate" type="application/rss+xml" ...>, Atom and JSON Feed too)
 *    become rel="alternate feed" in the page once it is parsed ("interactive"), which comes
 *    before deferred scripts run: Material's bundle (deferred by base.html) would otherwise
 *    take them for language versions and fetch a sitemap.xml beside each feed.
 * 4. At the same moment, the header's second line: the page's heading, which Material's
 *    bundle slides into the header once the heading has scrolled out of view. Only that
 *    script ever shows it, so the page does not carry it (partials/header.html).
 */
__md_scope=document.currentScript.hasAttribute("data-md-scope")?new URL(document.currentScript.getAttribute("data-md-scope"),location):new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};

document.addEventListener("click", (event) => {
  if (!(event.target instanceof Element)) return;
  if (event.target.closest("[data-cchc-print]")) window.print();
  if (event.target.closest("[data-cchc-open-search]")) {
    const toggle = document.getElementById("__search");
    if (toggle && !toggle.checked) toggle.click();
  }
});

document.addEventListener("readystatechange", () => {
  if (document.readyState !== "interactive") return;
  // a feed link has a type (RSS, Atom, JSON Feed); a language version has an hreflang
  for (const link of document.querySelectorAll("link[rel=alternate][type]:not([hreflang])")) link.rel = "alternate feed";
  const line = document.querySelector("[data-md-component=header-title] .md-header__ellipsis");
  const heading = document.querySelector("article h1");
  if (line && heading && !line.querySelector("[data-md-component=header-topic]")) {
    const topic = document.createElement("div");
    topic.className = "md-header__topic";
    topic.dataset.mdComponent = "header-topic";
    const text = document.createElement("span");
    text.className = "md-ellipsis";
    text.textContent = heading.textContent.trim();
    topic.append(text);
    line.append(topic);
  }
});
