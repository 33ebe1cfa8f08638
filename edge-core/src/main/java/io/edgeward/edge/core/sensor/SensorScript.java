package io.edgeward.edge.core.sensor;

/**
 * The browser sensor (docs/browser-signals.md), embedded as text: edge-core is compiled by TeaVM and loads no
 * resources. The readable source is {@code edge-core/src/main/js/sensor.js}; this file is generated from it by
 * {@code edge-core/src/main/js/embed.py}, and {@code SensorScriptTest} fails when the two differ.
 *
 * <p>{@link #SOURCE} is a function expression; the edge calls it with the page's configuration
 * ({@code {"n": nonce, "d": report delay ms, "u": report URL, "v": version}}).
 */
final class SensorScript {

    private SensorScript() {
    }

    static final String SOURCE = "(function(c){\n"
            + "if(!c||!c.n)return;\n"
            + "var w=window,d=document,n=navigator,P=w.performance,t0=P.now(),A=[],sent=0,X=0;\n"
            + "var I={pm:0,pd:0,k:0,t:0,wh:0,sc:0,u:0},gaps=0,mean=0,m2=0,last=0,first=-1;\n"
            + "function m(x){if(A.indexOf(x)<0)A.push(x)}\n"
            + "function has(o,k){try{return k in o}catch(e){return false}}\n"
            + "var ua=n.userAgent||'',cr=/Chrome\\/\\d/.test(ua)&&!/Edg\\/|OPR\\/|SamsungBrowser/.test(ua);\n"
            + "if(n.webdriver===true)m('webdriver');\n"
            + "if(/Headless|PhantomJS|SlimerJS/i.test(ua))m('headless-ua');\n"
            + "var ud=n.userAgentData;\n"
            + "if(ud&&ud.brands){var b=ud.brands.map(function(x){return x.brand}).join(',');\n"
            + "if(/Headless/i.test(b))m('headless-brand');\n"
            + "else if(cr&&!/Chrom/.test(b))m('brand-mismatch');\n"
            + "else if(cr){var v=(/Chrome\\/(\\d+)/.exec(ua)||[])[1];if(!ud.brands.some(function(x){return x.version===v}))m('version-mismatch')}}\n"
            + "else if(cr&&w.isSecureContext)m('no-ua-data');\n"
            + "var g=['_phantom','callPhantom','__nightmare','domAutomation','domAutomationController','_selenium','__webdriver_evaluate','__selenium_evaluate','__driver_evaluate','__webdriver_script_fn','__playwright__binding__','__pwInitScripts','_Selenium_IDE_Recorder'];\n"
            + "for(var i=0;i<g.length;i++){if(has(w,g[i])||has(d,g[i])){m('automation-global');break}}\n"
            + "try{if(Object.keys(w).concat(Object.keys(d)).some(function(k){return /^\\$?cdc_/.test(k)}))m('chromedriver-global')}catch(e){}\n"
            + "if(cr&&!w.chrome)m('no-chrome-object');\n"
            + "if(!n.languages||!n.languages.length)m('no-languages');\n"
            + "if(cr&&n.plugins&&n.plugins.length===0&&!/Mobile|Android/.test(ua))m('no-plugins');\n"
            + "if(w.outerWidth===0&&w.outerHeight===0)m('zero-window');\n"
            + "function gap(){var t=P.now();if(first<0)first=t-t0;if(last){var x=t-last,dl=x-mean;gaps++;mean+=dl/gaps;m2+=dl*(x-mean)}last=t}\n"
            + "function on(type,key,timed){d.addEventListener(type,function(e){if(!e.isTrusted){if(I.u<255)I.u++;return}if(I[key]<255)I[key]++;if(timed)gap();else if(first<0)first=P.now()-t0},{capture:true,passive:true})}\n"
            + "on('mousemove','pm',0);on('pointerdown','pd',1);on('keydown','k',1);on('touchstart','t',1);on('wheel','wh',0);on('scroll','sc',0);\n"
            + "function cadence(){if(gaps<3||mean<=0)return 0;var cv=Math.sqrt(m2/gaps)/mean;return cv<0.15?1:cv<1.5?2:3}\n"
            + "function send(r){if(sent)return;sent=1;\n"
            + "var body=JSON.stringify({n:c.n,v:c.v,a:A,i:{pm:I.pm,pd:I.pd,k:I.k,t:I.t,wh:I.wh,sc:I.sc,u:I.u,c:cadence(),f:first<0?-1:Math.min(600,Math.round(first/1000))},x:X,w:Math.min(600,Math.round((P.now()-t0)/1000)),r:r});\n"
            + "try{if(w.fetch){fetch(c.u,{method:'POST',body:body,keepalive:true,credentials:'same-origin',headers:{'content-type':'text/plain'}}).catch(function(){});return}}catch(e){}\n"
            + "try{n.sendBeacon(c.u,body)}catch(e){}}\n"
            + "function hide(){if(d.visibilityState==='hidden')send('hide')}\n"
            + "w.addEventListener('pagehide',function(){send('hide')});d.addEventListener('visibilitychange',hide);\n"
            + "setTimeout(function(){send(A.length?'marker':'timer')},A.length?0:c.d);\n"
            + "X=Math.round((P.now()-t0)*10)/10;\n"
            + "try{P.measure('edgeward-sensor',{start:t0,end:t0+X})}catch(e){}\n"
            + "})";

    /** A short hash of {@link #SOURCE}: reports name the script version they came from. */
    static final String VERSION = version(SOURCE);

    /** FNV-1a, 32 bits, as 8 hex digits (no MessageDigest in TeaVM, and a version needs no strength). */
    static String version(String text) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x01000193;
        }
        String hex = Integer.toHexString(hash);
        StringBuilder out = new StringBuilder();
        for (int i = hex.length(); i < 8; i++) {
            out.append('0');
        }
        return out.append(hex).toString();
    }
}
