package io.edgeward.edge.core.challenge;

/**
 * The proof-of-work browser code, inlined into the page (no external fetch; the worker starts from a Blob URL made
 * of the {@code text/plain} script block, so it needs no second request). The worker hashes
 * {@code token + ":" + nonce} with WebCrypto SHA-256 in batches (WebCrypto is asynchronous; batching keeps the
 * promise overhead small) until the digest has {@code bits} leading zero bits; up to four workers stride the nonce
 * space. The page shows progress as the chance of having finished by now, {@code 1 - e^(-hashes / 2^bits)}, since
 * the number of hashes needed is random. {@code window.edgewardResult} exposes the solve for benchmarks;
 * {@code data-hold} on the widget stops the automatic submit. With the answer, the page names the automation the
 * browser declares ({@code navigator.webdriver}, a headless user agent or brand, an automation framework's globals) in
 * the {@code automation} field: Protector does not pass a proof of work from such a browser
 * (docs/browser-signals.md "The challenge page").
 */
final class PowScripts {

    private PowScripts() {
    }

    static final String WORKER = "onmessage=function(e){var m=e.data,enc=new TextEncoder(),pre=m.token+':',"
            + "n=m.first,tried=0,B=128;"
            + "function ok(h){var b=m.bits,i=0;for(;b>=8;b-=8,i++){if(h[i]!==0)return false}"
            + "return b===0||(h[i]>>(8-b))===0}"
            + "function next(){var ns=[],ps=[];for(var j=0;j<B;j++){ns.push(n);"
            + "ps.push(crypto.subtle.digest('SHA-256',enc.encode(pre+n)));n+=m.step}"
            + "Promise.all(ps).then(function(hs){tried+=B;for(var j=0;j<B;j++){"
            + "if(ok(new Uint8Array(hs[j]))){postMessage({n:tried,nonce:ns[j]});return}}"
            + "if(tried%2048===0)postMessage({n:tried});next()},function(){postMessage({error:1})})}"
            + "next()};";

    static final String PAGE = "(function(){var d=document,f=d.getElementById('ew-form'),"
            + "w=d.getElementById('ew-widget'),bar=d.getElementById('ew-bar'),fill=d.getElementById('ew-fill'),"
            + "st=d.getElementById('ew-status'),btn=d.getElementById('ew-start'),"
            + "bits=+w.getAttribute('data-difficulty'),expect=Math.pow(2,bits),pool=[],t0=0;"
            + "w.hidden=false;"
            + "function say(s){st.textContent=s}"
            + "function show(p){bar.setAttribute('aria-valuenow',p);bar.setAttribute('aria-valuetext',p+'%');"
            + "fill.style.width=p+'%'}"
            + "function stop(){pool.forEach(function(x){x.terminate()});pool=[]}"
            + "function fail(k){stop();say(w.getAttribute('data-'+k))}"
            + "function sum(a){var n=0;a.forEach(function(v){n+=v});return n}"
            + "function start(){stop();show(0);say(w.getAttribute('data-working'));"
            + "if(!window.Worker||!window.crypto||!crypto.subtle||!window.Blob||!window.URL){return fail('unsupported')}"
            + "var url,k=Math.max(1,Math.min(4,navigator.hardwareConcurrency||2)),seen=[],found=false,shown=0;"
            + "t0=performance.now();"
            + "try{url=URL.createObjectURL(new Blob([d.getElementById('ew-worker').textContent],"
            + "{type:'text/javascript'}))}catch(e){return fail('unsupported')}"
            + "try{for(var i=0;i<k;i++){(function(i){var x=new Worker(url);seen[i]=0;"
            + "x.onmessage=function(e){var m=e.data;if(m.error){return fail('unsupported')}seen[i]=m.n;"
            + "if(m.nonce!=null&&!found){found=true;stop();return done(m.nonce,sum(seen))}"
            + "var p=Math.min(99,Math.floor(100*(1-Math.exp(-sum(seen)/expect))));if(p>shown){shown=p;show(p)}};"
            + "x.onerror=function(){fail('error')};"
            + "x.postMessage({token:f.elements.token.value,bits:bits,first:i,step:k});pool.push(x)})(i)}}"
            + "catch(e){return fail('unsupported')}}"
            + "function marks(){var n=navigator,a=[],b=n.userAgentData&&n.userAgentData.brands;"
            + "if(n.webdriver===true)a.push('webdriver');if(/Headless|PhantomJS/i.test(n.userAgent||''))a.push('headless-ua');"
            + "if(b&&b.some(function(x){return /Headless/i.test(x.brand)}))a.push('headless-brand');"
            + "if(['_phantom','callPhantom','__nightmare','domAutomation','domAutomationController','_selenium',"
            + "'__webdriver_evaluate','__playwright__binding__','__pwInitScripts'].some(function(k){return k in window}))"
            + "a.push('automation-global');"
            + "if(Object.keys(window).some(function(k){return /^\\$?cdc_/.test(k)}))a.push('chromedriver-global');"
            + "return a.join(',')}"
            + "function done(nonce,n){show(100);say(w.getAttribute('data-solved'));f.elements.answer.value=String(nonce);"
            + "if(f.elements.automation)f.elements.automation.value=marks();"
            + "window.edgewardResult={nonce:nonce,hashes:n,ms:Math.round(performance.now()-t0)};"
            + "if(!w.hasAttribute('data-hold'))f.submit()}"
            + "btn.addEventListener('click',start);start()})();";

    /** Called by the third-party widgets with their response token (their {@code data-callback}). */
    static final String CAPTCHA_CALLBACK = "function edgewardCaptchaDone(t){var f=document.getElementById('ew-form');"
            + "f.elements.answer.value=t;f.submit()}";
}
