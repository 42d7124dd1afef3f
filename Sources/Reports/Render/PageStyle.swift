/// The page's stylesheet and script, inline so the page needs no network.
///
/// The symbol classes `.sN` (point fill) and `.hN` (hull stroke and pattern) follow ``Palette``: symbol N is colour
/// `N % 9` with pattern `N / 9`.
enum PageStyle {
    /// The stylesheet.
    static let css = #"""
        :root{--ink:#222;--muted:#666;--line:#ddd;--bg:#fff;--accent:#332288}*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}header{padding:16px 24px 8px;border-bottom:1px solid var(--line);background:#fff}h1{font-size:20px;margin:0 0 6px}h2{font-size:18px;margin:0 0 10px;border-bottom:2px solid var(--accent);display:inline-block}h3{font-size:15px;margin:18px 0 6px}nav a{margin-right:14px;color:var(--accent);text-decoration:none;font-weight:600}.omitted{color:var(--muted);font-size:12px;margin:6px 0 0}main{padding:0 24px 24px;max-width:1200px}.report-section{padding-top:20px}.controls{display:flex;gap:10px;align-items:center;flex-wrap:wrap;margin-bottom:8px}.controls button{border:1px solid var(--accent);background:#fff;color:var(--accent);padding:4px 12px;border-radius:4px;cursor:pointer;font:inherit}.controls button.on{background:var(--accent);color:#fff}.legend-note,.note,.legend,figcaption{color:var(--muted);font-size:12px}.map-wrap{position:relative;border:1px solid var(--line);border-radius:4px}svg{display:block;width:100%;height:auto}svg text{font-size:11px;fill:#444}svg .title{font-size:12px;fill:#222}.state{fill:#f4f4f0;stroke:#b8b8b0;stroke-width:.6}.hull{fill-opacity:.07;stroke-width:1.2;stroke-linejoin:round}.hulls .cty{fill-opacity:.3;stroke-width:.5;stroke-linejoin:round;stroke-dasharray:none}.map.show-after .hulls-before,.map.show-before .hulls-after{display:none}circle.p{stroke:none}.map.hl-moved circle.p{opacity:.18}.map.hl-moved circle.p.mv{opacity:1;stroke:#000;stroke-width:.7}.centre{stroke:#000;stroke-width:1.4}#tip{position:absolute;pointer-events:none;background:rgba(255,255,255,.96);border:1px solid #999;border-radius:4px;padding:6px 8px;font-size:12px;max-width:280px;box-shadow:0 1px 4px rgba(0,0,0,.15)}.cards{display:flex;flex-wrap:wrap;gap:10px;margin:6px 0 10px}.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:150px}.card .label{color:var(--muted);font-size:12px}.card .value{font-size:18px;font-weight:600}.words{max-width:900px}.band{fill:#DDEEDD}.bar.after{fill:#332288}.bar.before{fill:#BBBBBB}.bar.clipped{stroke:#000;stroke-width:1}.zero{stroke:#333;stroke-width:1}.grid{stroke:#eee}.axis .base,.axis .tick{stroke:#999}.key{display:inline-block;width:12px;height:10px;margin:0 4px 0 10px;vertical-align:middle}.key.after{background:#332288}.key.before{background:#BBBBBB}.key.band{background:#DDEEDD;border:1px solid #aca}table{border-collapse:collapse;font-size:13px}th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}th{background:#fafafa}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}table.figures th{font-weight:normal;color:#444}.tree tr.d0 td{font-weight:700;background:#f3f1fa}.tree tr.d1 td{font-weight:600;background:#faf9fd}.tree tr{cursor:pointer}.tree tr.folded td:first-child::before{content:"▸ ";color:var(--accent)}.tree .id{color:var(--muted);font-size:11px}.tree td:first-child{white-space:nowrap}.tree{font-size:12px}.tree td,.tree th{padding:3px 5px}.flag{display:inline-block;border:1px solid #882255;color:#882255;border-radius:3px;padding:0 4px;font-size:11px}.charts{display:flex;flex-wrap:wrap;gap:16px}.charts figure{margin:0;flex:1 1 440px;max-width:560px}.bin{fill:#44AA99}.marker{stroke:#882255;stroke-width:2;stroke-dasharray:4 3}.marker-label{fill:#882255;font-size:11px}.scroll{overflow-x:auto}footer{padding:12px 24px;color:var(--muted);font-size:12px;border-top:1px solid var(--line)}.s0{fill:#CC6677}.h0{stroke:#CC6677;fill:#CC6677}.s1{fill:#332288}.h1{stroke:#332288;fill:#332288}.s2{fill:#DDCC77}.h2{stroke:#DDCC77;fill:#DDCC77}.s3{fill:#117733}.h3{stroke:#117733;fill:#117733}.s4{fill:#88CCEE}.h4{stroke:#88CCEE;fill:#88CCEE}.s5{fill:#882255}.h5{stroke:#882255;fill:#882255}.s6{fill:#44AA99}.h6{stroke:#44AA99;fill:#44AA99}.s7{fill:#999933}.h7{stroke:#999933;fill:#999933}.s8{fill:#AA4499}.h8{stroke:#AA4499;fill:#AA4499}.s9{fill:#CC6677}.h9{stroke:#CC6677;fill:#CC6677;stroke-dasharray:6 3}.s10{fill:#332288}.h10{stroke:#332288;fill:#332288;stroke-dasharray:6 3}.s11{fill:#DDCC77}.h11{stroke:#DDCC77;fill:#DDCC77;stroke-dasharray:6 3}.s12{fill:#117733}.h12{stroke:#117733;fill:#117733;stroke-dasharray:6 3}.s13{fill:#88CCEE}.h13{stroke:#88CCEE;fill:#88CCEE;stroke-dasharray:6 3}.s14{fill:#882255}.h14{stroke:#882255;fill:#882255;stroke-dasharray:6 3}.s15{fill:#44AA99}.h15{stroke:#44AA99;fill:#44AA99;stroke-dasharray:6 3}.s16{fill:#999933}.h16{stroke:#999933;fill:#999933;stroke-dasharray:6 3}.s17{fill:#AA4499}.h17{stroke:#AA4499;fill:#AA4499;stroke-dasharray:6 3}.s18{fill:#CC6677}.h18{stroke:#CC6677;fill:#CC6677;stroke-dasharray:1.5 2.5}.s19{fill:#332288}.h19{stroke:#332288;fill:#332288;stroke-dasharray:1.5 2.5}.s20{fill:#DDCC77}.h20{stroke:#DDCC77;fill:#DDCC77;stroke-dasharray:1.5 2.5}.s21{fill:#117733}.h21{stroke:#117733;fill:#117733;stroke-dasharray:1.5 2.5}.s22{fill:#88CCEE}.h22{stroke:#88CCEE;fill:#88CCEE;stroke-dasharray:1.5 2.5}.s23{fill:#882255}.h23{stroke:#882255;fill:#882255;stroke-dasharray:1.5 2.5}.s24{fill:#44AA99}.h24{stroke:#44AA99;fill:#44AA99;stroke-dasharray:1.5 2.5}.s25{fill:#999933}.h25{stroke:#999933;fill:#999933;stroke-dasharray:1.5 2.5}.s26{fill:#AA4499}.h26{stroke:#AA4499;fill:#AA4499;stroke-dasharray:1.5 2.5}.line{fill:none;stroke-width:2;stroke-linejoin:round}.line.thick{stroke-width:3.5}.swatch{display:inline-block;width:14px;height:4px;margin:0 4px 3px 8px;vertical-align:middle}.range line{stroke:#332288;stroke-width:3;stroke-linecap:round}.range .p50{fill:#882255;stroke:#fff;stroke-width:1}.sbar{fill:#88CCEE}.sbar.best{fill:#332288}td.best{background:#eceaf6}.best-key{font-weight:700}.multiples{display:flex;flex-wrap:wrap;gap:14px}.multiples svg{width:330px;flex:0 0 330px}.se{color:var(--muted);font-size:11px}.line.c0{stroke:#CC6677}.swatch.c0{background:#CC6677}.line.c1{stroke:#332288}.swatch.c1{background:#332288}.line.c2{stroke:#DDCC77}.swatch.c2{background:#DDCC77}.line.c3{stroke:#117733}.swatch.c3{background:#117733}.line.c4{stroke:#88CCEE}.swatch.c4{background:#88CCEE}.line.c5{stroke:#882255}.swatch.c5{background:#882255}.line.c6{stroke:#44AA99}.swatch.c6{background:#44AA99}.line.c7{stroke:#999933}.swatch.c7{background:#999933}.line.c8{stroke:#AA4499}.swatch.c8{background:#AA4499}
        """#

    /// Records uncaught script errors on `<html data-js-errors>` (the browser check reads it); runs first.
    static let errorProbe = #"""
        window.addEventListener("error",function(e){var d=document.documentElement;d.setAttribute("data-js-errors",(d.getAttribute("data-js-errors")||"")+e.message+"; ");});
        """#

    /// The script: the map's before/after toggle, moved-account highlight and hover; folding the quota tree;
    /// `?only=SECTION`, `?view=before` and `?moved=1` for screenshots; marks `<html data-js-ready>` at the end.
    static let script = #"""
        (function(){
        var el=document.getElementById("map-data");
        if(el){
        var D=JSON.parse(el.textContent),svg=document.getElementById("map-svg"),tip=document.getElementById("tip");
        var T=D.territories,A=D.accounts,pts=svg.querySelectorAll("circle.p");
        function fmt(x,d){return x==null?"–":x.toLocaleString("en-US",{maximumFractionDigits:d||0,minimumFractionDigits:d||0});}
        function esc(s){return String(s).replace(/[&<>"]/g,function(c){return {"&":"&amp;","<":"&lt;",">":"&gt;","\"":"&quot;"}[c];});}
        function pct(x){return x==null?"–":(x>0?"+":"")+(100*x).toFixed(1)+"%";}
        function show(before){
        svg.classList.toggle("show-before",before);svg.classList.toggle("show-after",!before);
        var b=document.getElementById("show-before"),a=document.getElementById("show-after");
        b.classList.toggle("on",before);a.classList.toggle("on",!before);
        b.setAttribute("aria-pressed",before);a.setAttribute("aria-pressed",!before);
        for(var i=0;i<pts.length;i++){var r=A[+pts[i].getAttribute("data-i")],t=before?r[2]:r[1];
        pts[i].setAttribute("class","p s"+(t>=0?T[t][1]:-1)+(r[3]?" mv":""));}
        }
        document.getElementById("show-before").addEventListener("click",function(){show(true);});
        document.getElementById("show-after").addEventListener("click",function(){show(false);});
        document.getElementById("highlight-moved").addEventListener("change",function(e){svg.classList.toggle("hl-moved",e.target.checked);});
        svg.addEventListener("mousemove",function(e){
        var g=e.target,h="";
        if(g.hasAttribute("data-i")){var a=A[+g.getAttribute("data-i")],n=g.getAttribute("data-n");
        h="<b>"+(n?n+" accounts near "+esc(a[0]):esc(a[0]))+"</b><br>territory "+(a[2]>=0?esc(T[a[2]][0]):"–")+(a[3]?" → "+(a[1]>=0?esc(T[a[1]][0]):"–")+" (moved)":"");
        if(!n)for(var k=0;k<D.measures.length;k++)h+="<br>"+esc(D.measures[k])+": "+fmt(a[4][k],1);}
        else if(g.hasAttribute("data-t")){var t=T[+g.getAttribute("data-t")];
        h="<b>Territory "+esc(t[0])+"</b><br>"+fmt(t[2])+" accounts";
        for(var k=0;k<D.measures.length;k++)h+="<br>"+esc(D.measures[k])+": "+fmt(t[3][k])+" ("+pct(t[5][k])+" → "+pct(t[4][k])+" vs target)";}
        if(!h){tip.hidden=true;return;}
        var r=svg.parentNode.getBoundingClientRect();tip.innerHTML=h;tip.hidden=false;
        tip.style.left=Math.min(e.clientX-r.left+12,r.width-290)+"px";tip.style.top=(e.clientY-r.top+12)+"px";});
        svg.addEventListener("mouseleave",function(){tip.hidden=true;});
        var q=new URLSearchParams(location.search);
        if(q.get("view")==="before")show(true);
        if(q.get("moved")){document.getElementById("highlight-moved").checked=true;svg.classList.add("hl-moved");}
        }
        var tree=document.getElementById("quota-tree");
        if(tree){tree.addEventListener("click",function(e){
        var row=e.target.closest("tr[data-id]");if(!row)return;
        var folded=row.classList.toggle("folded"),hidden={};hidden[row.getAttribute("data-id")]=folded;
        var r=row.nextElementSibling;
        while(r&&(r.getAttribute("data-parent") in hidden)){var id=r.getAttribute("data-id");
        var hide=hidden[r.getAttribute("data-parent")];r.hidden=hide;hidden[id]=hide||r.classList.contains("folded");r=r.nextElementSibling;}
        });}
        var only=new URLSearchParams(location.search).get("only");
        if(only){document.querySelectorAll("section.report-section").forEach(function(s){s.hidden=s.id!==only;});
        document.querySelector("header").hidden=true;document.querySelector("footer").hidden=true;}
        document.documentElement.setAttribute("data-js-ready","1");
        requestAnimationFrame(function(){document.documentElement.setAttribute("data-rendered-ms",Math.round(performance.now()));});
        })();
        """#
}
