(function(c){
if(!c||!c.n)return;
var w=window,d=document,n=navigator,P=w.performance,t0=P.now(),A=[],sent=0,X=0;
var I={pm:0,pd:0,k:0,t:0,wh:0,sc:0,u:0},gaps=0,mean=0,m2=0,last=0,first=-1;
function m(x){if(A.indexOf(x)<0)A.push(x)}
function has(o,k){try{return k in o}catch(e){return false}}
var ua=n.userAgent||'',cr=/Chrome\/\d/.test(ua)&&!/Edg\/|OPR\/|SamsungBrowser/.test(ua);
if(n.webdriver===true)m('webdriver');
if(/Headless|PhantomJS|SlimerJS/i.test(ua))m('headless-ua');
var ud=n.userAgentData;
if(ud&&ud.brands){var b=ud.brands.map(function(x){return x.brand}).join(',');
if(/Headless/i.test(b))m('headless-brand');
else if(cr&&!/Chrom/.test(b))m('brand-mismatch');
else if(cr){var v=(/Chrome\/(\d+)/.exec(ua)||[])[1];if(!ud.brands.some(function(x){return x.version===v}))m('version-mismatch')}}
else if(cr&&w.isSecureContext)m('no-ua-data');
var g=['_phantom','callPhantom','__nightmare','domAutomation','domAutomationController','_selenium','__webdriver_evaluate','__selenium_evaluate','__driver_evaluate','__webdriver_script_fn','__playwright__binding__','__pwInitScripts','_Selenium_IDE_Recorder'];
for(var i=0;i<g.length;i++){if(has(w,g[i])||has(d,g[i])){m('automation-global');break}}
try{if(Object.keys(w).concat(Object.keys(d)).some(function(k){return /^\$?cdc_/.test(k)}))m('chromedriver-global')}catch(e){}
if(cr&&!w.chrome)m('no-chrome-object');
if(!n.languages||!n.languages.length)m('no-languages');
if(cr&&n.plugins&&n.plugins.length===0&&!/Mobile|Android/.test(ua))m('no-plugins');
if(w.outerWidth===0&&w.outerHeight===0)m('zero-window');
function gap(){var t=P.now();if(first<0)first=t-t0;if(last){var x=t-last,dl=x-mean;gaps++;mean+=dl/gaps;m2+=dl*(x-mean)}last=t}
function on(type,key,timed){d.addEventListener(type,function(e){if(!e.isTrusted){if(I.u<255)I.u++;return}if(I[key]<255)I[key]++;if(timed)gap();else if(first<0)first=P.now()-t0},{capture:true,passive:true})}
on('mousemove','pm',0);on('pointerdown','pd',1);on('keydown','k',1);on('touchstart','t',1);on('wheel','wh',0);on('scroll','sc',0);
function cadence(){if(gaps<3||mean<=0)return 0;var cv=Math.sqrt(m2/gaps)/mean;return cv<0.15?1:cv<1.5?2:3}
function send(r){if(sent)return;sent=1;
var body=JSON.stringify({n:c.n,v:c.v,a:A,i:{pm:I.pm,pd:I.pd,k:I.k,t:I.t,wh:I.wh,sc:I.sc,u:I.u,c:cadence(),f:first<0?-1:Math.min(600,Math.round(first/1000))},x:X,w:Math.min(600,Math.round((P.now()-t0)/1000)),r:r});
try{if(w.fetch){fetch(c.u,{method:'POST',body:body,keepalive:true,credentials:'same-origin',headers:{'content-type':'text/plain'}}).catch(function(){});return}}catch(e){}
try{n.sendBeacon(c.u,body)}catch(e){}}
function hide(){if(d.visibilityState==='hidden')send('hide')}
w.addEventListener('pagehide',function(){send('hide')});d.addEventListener('visibilitychange',hide);
setTimeout(function(){send(A.length?'marker':'timer')},A.length?0:c.d);
X=Math.round((P.now()-t0)*10)/10;
try{P.measure('edgeward-sensor',{start:t0,end:t0+X})}catch(e){}
})
