"""Regenerate the example submissions in data/examples/ (one file per supported input format).

The examples are what a curator might receive: P/CVE and counter-narrative programme
descriptions in many languages, plus a few out-of-scope look-alikes. Every programme,
organisation and person in them is invented; only the places are real.

This script is the source of truth for every file in data/examples/ except README.md:

    submissions.jsonl     5 records (en, fr, ar, es, id); the Spanish one is out of scope
    submissions.csv       4 rows (en, sw, ur, pt); the Portuguese one is out of scope
    submissions.tsv       2 rows (de, ru)
    programme_note.txt    Turkish, UTF-8
    legacy_encoding.txt   French, saved as Windows-1252 (cp1252)
    campaign_page.md      English Markdown page
    project_page.html     English HTML page with nav / header / cookie banner / script / footer
    grant_summary.docx    English Word document (python-docx)
    evaluation_excerpt.pdf  English one-page PDF with a text layer, written by hand (no library)

Output is deterministic: running the script again produces byte-identical files (the DOCX
gets fixed core-property dates and fixed zip timestamps; the PDF carries no dates or IDs).

Usage: python scripts/make_examples.py [--out data/examples]
(needs python-docx, e.g. /work/venv/bin/python scripts/make_examples.py)
"""

# The documents below keep one paragraph per source line, as the files they become do.
# ruff: noqa: E501

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import textwrap
import zipfile
from pathlib import Path

# --------------------------------------------------------------------------------------------
# Tabular submissions
# --------------------------------------------------------------------------------------------

JSONL_RECORDS = [
    {
        "id": "ex-jsonl-001",
        "title": "Second Voice: survivor and former-member testimonies for Lanao del Sur",
        "country": "Philippines",
        "submitted_by": "Norhaya Batua, Lanao Peace Weavers Collective",
        "text": (
            "Second Voice is an 18-month counter-narrative initiative run by the Lanao Peace "
            "Weavers Collective in Marawi City and four neighbouring municipalities of Lanao del "
            "Sur. The project records short video and audio testimonies from survivors of the "
            "2017 siege and from former members of armed groups who have left and completed the "
            "provincial reintegration process. Each testimony answers a specific claim made in "
            "recruitment material circulating in the area, for example that joining brings money, "
            "dignity or religious reward, and explains in the speaker's own words why it proved "
            "false.\n\n"
            "Scripts are developed with a panel of local ulama and madrasa teachers, who add short "
            "reflections drawing on Qur'anic teaching about the sanctity of life. All material is "
            "produced in Maranao and Tagalog and shared through Facebook pages, Messenger groups "
            "and two community radio stations popular with young listeners. The provincial "
            "government's peace and order office co-chairs the steering committee and has adopted "
            "the content for its own barangay-level sessions.\n\n"
            "Before any testimony is published, speakers give informed consent, can withdraw at "
            "any time, and identifying details are blurred on request. A baseline survey of 600 "
            "young people aged 15 to 30 was completed in March; a follow-up survey and focus "
            "groups will measure whether exposure changed attitudes towards armed groups."
        ),
    },
    {
        "id": "ex-jsonl-002",
        "title": "Les Voix du Fleuve : feuilleton radiophonique et clubs d'écoute",
        "country": "Niger",
        "submitted_by": "Mariama Daouda Sani, Association Horizons Partagés",
        "text": (
            "Dans la région de Tillabéri, l'Association Horizons Partagés produit « Les Voix du "
            "Fleuve », un feuilleton radiophonique de 26 épisodes diffusé en zarma et en fulfulde "
            "par six radios communautaires. L'histoire suit deux frères d'un village au bord du "
            "fleuve : l'un est approché par un groupe armé qui lui promet argent et respect, "
            "l'autre cherche sa place au conseil des jeunes du village. Les épisodes reprennent, "
            "sans les citer, les arguments entendus dans certains prêches et dans les messages "
            "vocaux qui circulent sur WhatsApp, et en montrent les contradictions.\n\n"
            "Les scénarios ont été écrits après des consultations avec des chefs de village, des "
            "associations de femmes et des jeunes dans douze communes. Après chaque diffusion, des "
            "clubs d'écoute animés par des femmes leaders réunissent mères et filles pour discuter "
            "de l'épisode ; des clubs séparés accueillent les jeunes hommes. Vingt animateurs "
            "radio ont suivi une formation de cinq jours sur le traitement sensible des conflits "
            "et le respect de la présomption d'innocence.\n\n"
            "Un questionnaire court est administré aux membres des clubs au début et à la fin du "
            "cycle afin de suivre l'évolution des perceptions."
        ),
    },
    {
        "id": "ex-jsonl-003",
        "title": "عين ناقدة: التربية الإعلامية لشباب القصرين",
        "country": "Tunisia",
        "submitted_by": "سلمى الورتاني، جمعية جسور المواطنة",
        "text": (
            "تنفّذ جمعية جسور المواطنة مشروع «عين ناقدة» في ولاية القصرين بالشراكة مع المندوبية "
            "الجهوية للتربية، بهدف تحصين الشباب من خطاب التجنيد المتطرف الذي ينتشر عبر الإنترنت. "
            "يقدّم المشروع ورشات أسبوعية في عشرة معاهد ثانوية ودور شباب، يتعلّم فيها التلاميذ كيف "
            "يتحققون من مصدر الصورة أو الفيديو، وكيف يتعرّفون على أساليب التلاعب العاطفي التي "
            "تستعملها الجماعات المتطرفة في مقاطعها الدعائية.\n\n"
            "أعدّ فريق المشروع دليلاً تدريبياً باللهجة التونسية، ودرّب أربعين أستاذاً ومنشّطاً "
            "شبابياً على استعماله حتى يواصلوا الورشات بعد انتهاء التمويل. كما يُنتج التلاميذ "
            "أنفسهم مقاطع قصيرة على إنستغرام وتيك توك تروي قصص شباب من الجهة نجحوا في مشاريعهم أو "
            "في العمل التطوعي، لتقديم صورة مختلفة عن منطقة كثيراً ما تُربط بالإرهاب في وسائل "
            "الإعلام.\n\n"
            "وتُنظَّم جلسات مسائية للأولياء حول الحوار مع الأبناء بشأن ما يشاهدونه على هواتفهم. "
            "ويلتزم المشروع بحماية المعطيات الشخصية للقصّر، فلا تُنشر أي صورة دون موافقة كتابية "
            "من الولي."
        ),
    },
    {
        # Out of scope (hard negative): youth, families, girls, community and school vocabulary,
        # but no preventing/countering violent extremism purpose.
        "id": "ex-jsonl-004",
        "title": "Liga Barrial Juvenil de Bello",
        "country": "Colombia",
        "submitted_by": "Julián Ochoa Restrepo, Fundación Balón de Barrio",
        "text": (
            "La Fundación Balón de Barrio organiza desde 2021 una liga de fútbol para niñas, niños "
            "y adolescentes de 10 a 15 años en seis barrios de Bello, Antioquia. La temporada va "
            "de febrero a noviembre, con entrenamientos dos tardes por semana y partidos los "
            "sábados en canchas cedidas por las juntas de acción comunal. Cada equipo tiene un "
            "entrenador voluntario y una madre o un padre delegado que se encarga de la "
            "hidratación, los uniformes y los permisos.\n\n"
            "Este año abrimos cuatro equipos femeninos y contratamos a dos entrenadoras con "
            "licencia de la liga departamental. Para jugar, los participantes deben mantener la "
            "asistencia escolar; los entrenadores revisan el boletín cada trimestre y, si un "
            "jugador tiene dificultades, lo remiten a las tutorías de matemáticas y lectura que "
            "ofrece la biblioteca del barrio.\n\n"
            "La fundación busca recursos para comprar balones y petos, pagar el transporte a los "
            "torneos intermunicipales y ofrecer un refrigerio después de cada entrenamiento. "
            "También queremos organizar un festival de fin de temporada abierto a las familias, "
            "con partidos mixtos y un premio al juego limpio. Las inscripciones son gratuitas y se "
            "hacen en la sede de la junta de acción comunal."
        ),
    },
    {
        "id": "ex-jsonl-005",
        "title": "Rumah Pulang: pendampingan mantan narapidana terorisme dan keluarganya",
        "country": "Indonesia",
        "submitted_by": "Ikhsan Tandiabang, Yayasan Rumah Pulang",
        "text": (
            "Yayasan Rumah Pulang mendampingi mantan narapidana kasus terorisme yang telah bebas "
            "dan kembali ke Kabupaten Poso, Sulawesi Tengah, beserta keluarga mereka. Program ini "
            "dirancang bersama pemerintah kabupaten dan balai pemasyarakatan setempat, dan menjadi "
            "bagian dari rencana aksi daerah pencegahan ekstremisme berbasis kekerasan.\n\n"
            "Setiap peserta didampingi seorang pendamping selama dua belas bulan. Pendampingan "
            "meliputi konseling, bantuan mengurus dokumen kependudukan, serta pelatihan usaha "
            "kecil. Para istri dan ibu peserta diajak bergabung dalam kelompok dukungan "
            "tersendiri, karena merekalah yang sering menanggung stigma dan beban ekonomi paling berat, "
            "sementara anak-anak dibantu agar dapat kembali bersekolah.\n\n"
            "Diskusi keagamaan bulanan dipandu oleh ustaz dari pesantren setempat bersama tokoh "
            "agama Kristen, untuk membahas ulang tafsir jihad yang dulu dipakai untuk membenarkan "
            "kekerasan serta memulihkan hubungan antarumat beragama di desa-desa yang pernah "
            "dilanda konflik. Tokoh adat dan kepala desa dilibatkan agar warga bersedia menerima "
            "kembali para peserta.\n\n"
            "Tahun ini yayasan juga melatih lima belas pendamping baru dari organisasi masyarakat "
            "sipil lokal, menggunakan modul yang disusun dari pengalaman lapangan sejak 2019."
        ),
    },
]

CSV_ROWS = [
    {
        "id": "ex-csv-001",
        "title": "Spotting the Hook: a classroom unit on online recruitment",
        "country": "Trinidad and Tobago",
        "text": (
            "Spotting the Hook is a six-lesson unit for Forms 3 and 4 (students aged 14 to 16), "
            "co-designed by the Caribbean Learning Futures Network and the Ministry of Education's "
            "curriculum division, which has approved it for the social studies syllabus from "
            "September. The lessons help students recognise how violent extremist groups, from "
            "jihadist networks abroad to online accelerationist channels, use memes, gaming chat "
            "and short videos to draw young people in, and let them practise asking who made a "
            "post, what it wants them to feel and who benefits.\n\n"
            "The examples are taken from posts that circulated on the islands, including messages "
            "aimed at young men who feel shut out of work, and the worksheets use the Trinidadian "
            "English that students actually write online.\n\n"
            "Before the rollout, 45 teachers from 15 secondary schools attended a three-day "
            "training and received a facilitator guide with suggested answers to difficult "
            "questions. A school counsellor is present when lessons touch on personal "
            "experiences, and the guide sets out safeguarding and referral steps. Students fill in "
            "a short questionnaire before and after the unit so that the network can evaluate "
            "whether their ability to recognise manipulation improves."
        ),
    },
    {
        "id": "ex-csv-002",
        "title": "Sauti ya Mama: akina mama na viongozi wa dini dhidi ya usajili wa vijana",
        "country": "Kenya",
        "text": (
            "Mradi wa Sauti ya Mama unatekelezwa na Mtandao wa Amani Pwani katika kaunti ya "
            "Kwale. Lengo lake ni kuwasaidia akina mama kutambua dalili za mapema kwamba mtoto "
            "wao anashawishiwa kujiunga na makundi ya itikadi kali za kivurugu, na kujua wapi pa "
            "kupata msaada bila woga. Vikundi ishirini vya akina mama hukutana kila wiki mbili "
            "katika misikiti na makanisa, vikiongozwa na wawezeshaji waliopewa mafunzo.\n\n"
            "Maimamu na wachungaji hushiriki katika vikao hivyo, wakijibu hoja za kidini "
            "zinazotumiwa na wasajili na kufafanua mafundisho ya dini kuhusu utakatifu wa maisha. "
            "Kila mwezi, kipindi cha redio ya jamii kwa Kiswahili na Kidigo huwashirikisha akina "
            "mama ambao watoto wao walirudi kutoka Somalia, wakisimulia jinsi ahadi za pesa na "
            "heshima zilivyogeuka kuwa mateso.\n\n"
            "Mradi unashirikiana kwa karibu na ofisi ya serikali ya kaunti inayosimamia mpango wa "
            "kaunti wa kukabiliana na itikadi kali. Wawezeshaji wamefundishwa kuheshimu usiri wa "
            "familia na haki za watoto, ili kuhakikisha kwamba hakuna mama anayeripotiwa polisi "
            "kwa sababu tu ameomba msaada."
        ),
    },
    {
        "id": "ex-csv-003",
        "title": "روشن راستہ: مدارس اور اسکولوں کے طلبہ کے درمیان مکالمہ",
        "country": "Pakistan",
        "text": (
            "روشن راستہ فاؤنڈیشن ضلع سوات میں ایک سالہ منصوبہ چلا رہی ہے جس کا مقصد نوجوانوں کو "
            "انتہا پسندانہ بیانیے سے محفوظ رکھنا اور مختلف پس منظر کے طلبہ کے درمیان برداشت کو "
            "فروغ دینا ہے۔ اس منصوبے کے تحت دینی مدارس اور سرکاری اسکولوں کے سولہ سے بیس سال کے طلبہ ہر "
            "ماہ مشترکہ نشستوں میں ملتے ہیں، جہاں وہ شہریت، مذہبی ہم آہنگی اور اختلافِ رائے کو "
            "پرامن طریقے سے حل کرنے جیسے موضوعات پر گفتگو اور مباحثہ کرتے ہیں۔\n\n"
            "ہر نشست کی رہنمائی ایک عالمِ دین اور ایک اسکول استاد مل کر کرتے ہیں۔ علما قرآن و سنت "
            "کی روشنی میں واضح کرتے ہیں کہ بے گناہ انسانوں کا قتل کسی صورت جائز نہیں، اور ان "
            "دلائل کا جواب دیتے ہیں جو شدت پسند گروہ نوجوانوں کو اپنی طرف مائل کرنے کے لیے استعمال "
            "کرتے ہیں۔ تمام مواد پشتو اور اردو دونوں زبانوں میں تیار کیا گیا ہے تاکہ مقامی طلبہ "
            "اسے آسانی سے سمجھ سکیں۔\n\n"
            "منصوبے کے آخر میں طلبہ مل کر اپنے علاقے کے بارے میں مختصر ڈرامے تیار کرتے ہیں جو "
            "مقامی میلوں میں پیش کیے جاتے ہیں۔ ضلعی محکمۂ تعلیم نے اسکولوں کی شرکت کی منظوری دی "
            "ہے، اور ہر مرحلے کے بعد طلبہ سے رائے لے کر سرگرمیوں کو بہتر بنایا جاتا ہے۔"
        ),
    },
    {
        # Out of scope (hard negative): a women's savings group that mentions displacement
        # from Cabo Delgado but has no prevention purpose.
        "id": "ex-csv-004",
        "title": "Grupo de Poupança Mulheres de Napipine",
        "country": "Mozambique",
        "text": (
            "O grupo de poupança e crédito Mulheres de Napipine reúne 28 mulheres do bairro de "
            "Napipine, na cidade de Nampula. Algumas chegaram ao bairro nos últimos anos, vindas "
            "de outros distritos da província e de Cabo Delgado, e encontraram no grupo uma forma "
            "de organizar as finanças da família. O grupo reúne-se todas as quintas-feiras à tarde "
            "em casa da secretária; cada membro compra entre uma e cinco acções por semana, e o "
            "dinheiro acumulado é emprestado às próprias associadas, com juros de 10% ao mês "
            "decididos em assembleia.\n\n"
            "Com os empréstimos, as associadas compraram farinha e óleo para vender no mercado, "
            "máquinas de costura e cabritos. No fim de cada ciclo de doze meses, o fundo é "
            "dividido de acordo com as acções de cada uma. Existe também um pequeno fundo social, "
            "usado para ajudar uma associada em caso de doença ou de funeral.\n\n"
            "Pedimos apoio para comprar uma caixa metálica com três cadeados, cadernetas e uma "
            "calculadora, e para pagar uma facilitadora que ensine contabilidade simples às "
            "associadas que não sabem ler. Queremos também registar o grupo como associação junto "
            "do município, para poder abrir uma conta bancária."
        ),
    },
]

# TSV rows are single-line texts: a TSV cell should not need quoting.
TSV_ROWS = [
    {
        "id": "ex-tsv-001",
        "title": "Level Up Demokratie – Prävention in Gaming-Communities",
        "text": (
            "Das Projekt „Level Up Demokratie“ des Vereins Kompassnadel e.V. richtet sich an "
            "Jugendliche zwischen 13 und 19 Jahren, die in Online-Spielen und auf Plattformen wie "
            "Discord und Twitch unterwegs sind. Rechtsextreme Gruppen nutzen diese Räume gezielt, "
            "um über Humor, Memes und vermeintliche Gemeinschaft Kontakt zu Jugendlichen "
            "aufzubauen. Das Projekt setzt dort an, wo die Jugendlichen ohnehin sind: geschulte "
            "Streamerinnen und Streamer moderieren eigene Community-Abende, greifen rassistische "
            "und antisemitische Sprüche im Chat auf und erklären, welche Ideologie hinter "
            "scheinbar harmlosen Codes steckt. Parallel dazu bildet das Projekt Fachkräfte der offenen "
            "Jugendarbeit in Leipzig und Chemnitz fort, damit sie Gaming-Kulturen verstehen und "
            "Anzeichen einer Radikalisierung früh erkennen. Das Konzept wurde gemeinsam mit den "
            "Jugendämtern beider Städte entwickelt, die die Angebote nach der Projektlaufzeit in "
            "ihren Jugendeinrichtungen weiterführen. Alle Angebote folgen strengen "
            "Datenschutzregeln: Es werden keine Profile von Jugendlichen gespeichert, und "
            "Moderationsprotokolle werden nach 30 Tagen gelöscht. Ein unabhängiges Forschungsteam "
            "begleitet das Projekt und untersucht, welche Formate die Jugendlichen tatsächlich "
            "erreichen."
        ),
    },
    {
        "id": "ex-tsv-002",
        "title": "Открытый разговор: родители и учителя против онлайн-вербовки",
        "text": (
            "Общественное объединение «Открытый разговор» реализует в Ошской и Джалал-Абадской "
            "областях Кыргызстана программу для родителей и школьных учителей. Её цель – научить "
            "взрослых распознавать ранние признаки вербовки подростков в экстремистские группы "
            "через социальные сети и мессенджеры и знать, как поговорить с ребёнком, не оттолкнув "
            "его. Материалы подготовлены на кыргызском, узбекском и русском языках с учётом "
            "местных обычаев и опыта семей, чьи родственники уезжали в зоны вооружённых "
            "конфликтов. За два года проект обучил 120 учителей и школьных психологов, которые "
            "затем проводят встречи для родителей в своих школах. В подготовке модулей участвовали "
            "местные имамы, объясняющие, чем традиционный для региона ислам отличается от "
            "идеологии, которую продвигают вербовщики. Программа согласована с районными "
            "управлениями образования и включена в планы воспитательной работы участвующих школ. "
            "Отдельное занятие посвящено правам ребёнка и недопустимости стигматизации семей: "
            "учителей учат в первую очередь обращаться к школьному психологу, а не в "
            "правоохранительные органы, если нет прямой угрозы жизни."
        ),
    },
]

# --------------------------------------------------------------------------------------------
# Whole-file documents
# --------------------------------------------------------------------------------------------

TURKISH_NOTE = """\
Ortak Sofra: Gaziantep'te gençler arası diyalog programı

Köprü Gençlik Derneği, Gaziantep'in Şehitkamil ve Şahinbey ilçelerinde belediyeyle birlikte yürüttüğü Ortak Sofra programında 16-24 yaş arasındaki Suriyeli ve Türk gençleri bir araya getiriyor. Programın amacı, sosyal medyada hızla yayılan nefret söylemine ve gençleri şiddete sürükleyen aşırıcı anlatılara karşı mahalle düzeyinde dayanışmayı güçlendirmek.

Gençler on iki hafta boyunca haftada bir kez belediyenin gençlik merkezlerinde buluşuyor. Atölyelerde birlikte yemek pişiriyor, ailelerinin göç hikâyelerini dinliyor ve bu hikâyelerden kısa videolar ile podcast bölümleri hazırlıyorlar. Oturumlar Türkçe ve Arapça olmak üzere iki dilde yürütülüyor; içerikler, program başlamadan önce üç mahallede yapılan ihtiyaç analizine ve gençlerle yapılan odak grup görüşmelerine dayanılarak hazırlandı.

Üretilen videolar gençlerin kendi hesaplarından ve belediyenin sosyal medya kanallarından paylaşılıyor. Amaç, "biz" ve "onlar" ayrımı yerine ortak bir geleceği anlatan, gençlerin kendilerini içinde görebileceği olumlu hikâyeleri görünür kılmak.

Programda görev alan tüm kolaylaştırıcılar çocuk koruma ve kişisel verilerin korunması konularında eğitim aldı. Katılımcıların yüzleri, kendi yazılı onayları ve 18 yaşından küçükler için velilerinin izni olmadan hiçbir paylaşımda gösterilmiyor.
"""

# Saved as cp1252: contains cp1252-only characters (’ – œ) besides Latin-1 accents and « ».
FRENCH_LEGACY = """\
Programme « Cap Retour » – accompagnement au désengagement en milieu carcéral

L’ASBL Passerelles Mosanes coordonne depuis 2022, dans deux établissements pénitentiaires de la province de Liège, un programme d’accompagnement individuel destiné aux détenus condamnés pour des faits liés au terrorisme ou signalés pour radicalisation violente. Le programme est piloté conjointement avec l’administration pénitentiaire et s’inscrit dans le plan d’action national contre la radicalisation.

Chaque participant est suivi par un binôme composé d’un psychologue et d’un conseiller moral ou d’un aumônier de son choix, musulman ou laïque. Les entretiens abordent le parcours de la personne, ses liens familiaux et les récits qui l’ont attirée vers l’extrémisme ; l’objectif n’est pas d’imposer une « bonne » croyance, mais de faire naître le doute et de reconstruire un projet de vie. Des rencontres encadrées avec les proches préparent la sortie.

Les intervenants reçoivent une formation continue sur l’évaluation des risques, la déontologie et le secret professionnel. Le respect des droits fondamentaux des détenus, notamment la liberté de conscience, est inscrit dans la charte signée par chaque partenaire. Une évaluation externe, fondée sur des entretiens et sur le suivi des participants pendant dix-huit mois après leur libération, est en cours.

C’est là le cœur du dispositif : la continuité entre l’intérieur et l’extérieur de la prison, assurée par le même binôme.
"""

CAMPAIGN_MD = """\
# Scroll Back: stories from people who walked away

*An online counter-messaging campaign by Tamarind Media Lab, Maiduguri*

Armed groups in north-east Nigeria recruit young people with promises of money, marriage and purpose, and more and more often they do it through WhatsApp voice notes and short videos. **Scroll Back** answers those messages in the same formats and on the same platforms.

Over twelve weeks the campaign publishes short vertical videos, audio clips and carousel posts on Facebook, TikTok and WhatsApp Channels, in Hausa, Kanuri and English. Each piece takes one recruitment claim and sets it against the testimony of someone who believed it: former associates who left and went through rehabilitation, women who were forced to marry fighters, and parents who lost their sons.

## What the campaign does

- Rebuts specific recruitment claims with first-hand testimony and verifiable facts
- Pairs every rebuttal with a positive story: apprenticeships, football clubs, young people standing for ward councils
- Runs targeted ads for 15-29-year-olds in Borno and Yobe, and answers comments in Hausa and Kanuri
- Trains ten young content creators from Maiduguri to produce and moderate the material themselves

All contributors give informed consent and can have their content taken down at any time; faces and voices are altered where safety requires it. Reach and engagement are tracked weekly, and an online survey with a comparison group measures changes in attitudes at the end of the campaign.

Read the campaign brief and safeguarding policy at [scrollback.example.org](https://scrollback.example.org/brief).
"""

PROJECT_HTML = """\
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Harbour Voices | Mina Arts Collective</title>
  <link rel="stylesheet" href="/assets/site.css">
</head>
<body>
  <div class="cookie-banner" id="cookie-consent">
    <p>We use cookies to understand how visitors use this site and to improve your experience.
       By clicking "Accept all" you agree to our use of analytics cookies.</p>
    <button type="button">Accept all</button> <button type="button">Manage preferences</button>
  </div>

  <header class="site-header">
    <a class="logo" href="/">Mina Arts Collective</a>
    <p class="tagline">Film, theatre and music from the Tripoli waterfront</p>
  </header>

  <nav class="main-menu" aria-label="Main">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/about/">About us</a></li>
      <li><a href="/programmes/">Programmes</a></li>
      <li><a href="/news/">News</a></li>
      <li><a href="/donate/">Donate</a></li>
      <li><a href="/contact/">Contact</a></li>
    </ul>
  </nav>

  <main>
    <article class="programme">
      <h1>Harbour Voices: young filmmakers for a shared Tripoli</h1>
      <p>Harbour Voices is a two-year programme run by the Mina Arts Collective in Tripoli,
         Lebanon, in partnership with the municipality's social development department and
         neighbourhood committees in Bab al-Tabbaneh, Jabal Mohsen and al-Mina. It responds to a
         2023 listening exercise in which young people described how sectarian rivalry,
         unemployment and online propaganda from armed groups were pulling their peers towards
         violence.</p>
      <p>Each cohort of 30 people aged 16 to 25, drawn equally from both sides of Syria Street,
         spends six months learning documentary filmmaking together. Mentors from the city's film
         and theatre scene help them research, script and shoot short films about the
         neighbourhoods they grew up in, told in their own dialect.</p>
      <h2>What the programme does</h2>
      <ul>
        <li>Mixed production teams bring young Sunni and Alawite residents together, with weekly
            dialogue sessions led by trained mediators.</li>
        <li>Local sheikhs from both communities join sessions on how religion has been misused to
            justify violence.</li>
        <li>Finished films are screened in public squares and on the programme's YouTube and
            Instagram channels, followed by open discussions.</li>
        <li>Youth workers from the neighbourhood committees are trained in conflict-sensitive
            facilitation.</li>
        <li>Young women make up at least half of every cohort, and a separate mentoring track
            supports women directors.</li>
      </ul>
      <p>Participants and everyone filmed give written consent, and no one is identified on
         screen without it. An independent evaluator surveys each cohort before and after the
         programme to measure changes in trust between the two communities.</p>
    </article>
  </main>

  <script>
    window.dataLayer = window.dataLayer || [];
    function track(){ dataLayer.push(arguments); }
    track('config', 'SITE-ANALYTICS-0000');
  </script>

  <footer class="site-footer">
    <p>Mina Arts Collective, Port Street, al-Mina, Tripoli, Lebanon.
       Contact: info@minaarts.example.org | +961 0 000 000</p>
    <p>&copy; 2025 Mina Arts Collective. All rights reserved.
       <a href="/privacy/">Privacy policy</a> | <a href="/terms/">Terms of use</a></p>
  </footer>
</body>
</html>
"""

# --------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------

DOCX_TITLE = "Grant summary: Common Ground Schools (Batticaloa, Sri Lanka)"
DOCX_PARAGRAPHS = [
    "The Meridian Fund for Peaceful Communities has approved a grant of USD 180,000 over 24 "
    "months to the Eastern Shores Education Trust for Common Ground Schools, a programme that "
    "twins Tamil-, Muslim- and Sinhala-majority secondary schools in Batticaloa District. After "
    "the 2019 Easter Sunday attacks and the wave of online hate speech that followed, head "
    "teachers and parents asked for a structured way to rebuild trust between communities and "
    "to help students resist extremist and sectarian messaging.",
    "Paired classes meet once a month for joint projects, for visits to each other's places of "
    "worship hosted by local clergy, imams and Buddhist monks, and for facilitated discussions "
    "on identity and belonging. Teachers receive a ten-day course and a handbook, in Tamil and "
    "Sinhala, on teaching critical thinking and handling controversial topics in class. The "
    "Zonal Education Office co-designed the twinning model and will include it in its teacher "
    "development plan.",
    "The grantee will run baseline and endline surveys of about 1,200 students and publish an "
    "annual learning report. A child protection policy, parental consent for every visit and a "
    "complaints mechanism are conditions of the grant.",
]
DOCX_TABLE = [
    ("Item", "Detail"),
    ("Grantee", "Eastern Shores Education Trust"),
    ("Location", "Batticaloa District, Eastern Province, Sri Lanka"),
    ("Duration", "24 months (January 2025 to December 2026)"),
    ("Amount", "USD 180,000"),
]
FIXED_DATETIME = dt.datetime(2025, 1, 15, 9, 0, 0)

# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------

PDF_TITLE = "Shared Roots Programme: Mid-term Evaluation (Excerpt)"
# (style, text): "h" = bold heading, "p" = body paragraph, "s" = small running line.
PDF_BLOCKS = [
    ("s", "Tigris Community Development Organisation - Mid-term evaluation report, section 2"),
    ("h", PDF_TITLE),
    ("h", "2.1 Programme description"),
    ("p", "The Shared Roots programme, run by the Tigris Community Development Organisation "
          "since 2023, supports families returning to Ninewa Governorate, Iraq, from displacement "
          "camps, including families perceived to be affiliated with ISIL. Its stated objective "
          "is to reduce the risk of renewed radicalisation and recruitment by rebuilding trust "
          "between returning families and receiving communities in six sub-districts. The "
          "Governorate's reconciliation committee co-chairs the steering group, in line with "
          "the national plan for preventing violent extremism."),
    ("p", "The programme has four components: psychosocial support for returning women and "
          "children; community dialogue sessions that bring together returnees, tribal leaders, "
          "mukhtars and survivors of ISIL violence; study circles with local imams and Christian "
          "and Yazidi religious figures that challenge the group's ideology; and training for 85 "
          "local social workers in trauma-informed, conflict-sensitive practice."),
    ("h", "2.2 Key findings"),
    ("p", "The evaluation team held 46 key informant interviews and 12 focus groups and "
          "surveyed 640 returnee and host households, comparing the results with the 2023 "
          "baseline. Acceptance of returning families rose in five of the six sub-districts. "
          "Respondents valued the dialogue sessions most. However, some returnee women reported "
          "feeling pressured to speak in public sessions; the evaluation recommends stronger "
          "informed-consent procedures and a do-no-harm review before each session."),
    ("s", "Page 1 of 1"),
]


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------

def write_jsonl(path: Path) -> None:
    fields = ("id", "text", "title", "country", "submitted_by")
    lines = [json.dumps({k: rec[k] for k in fields}, ensure_ascii=False) for rec in JSONL_RECORDS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def write_delimited(path: Path, fields: tuple[str, ...], rows: list[dict[str, str]],
                    delimiter: str) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow(fields)
    for row in rows:
        if delimiter == "\t":
            assert not any(c in row[f] for f in fields for c in '\t\n\r"'), row["id"]
        writer.writerow([row[f] for f in fields])
    path.write_bytes(buffer.getvalue().encode("utf-8"))


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.write_bytes(text.encode(encoding))  # strict: fails if a character has no mapping


def write_docx(path: Path) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    props = document.core_properties
    props.title = DOCX_TITLE
    props.subject = "Grant summary"
    props.author = "Meridian Fund for Peaceful Communities"
    props.last_modified_by = "Meridian Fund for Peaceful Communities"
    props.keywords = "grant; education; interfaith; Sri Lanka"
    props.created = FIXED_DATETIME
    props.modified = FIXED_DATETIME
    props.last_printed = FIXED_DATETIME
    props.revision = 1

    document.add_heading(DOCX_TITLE, level=1)
    for text in DOCX_PARAGRAPHS:
        document.add_paragraph(text)
    table = document.add_table(rows=len(DOCX_TABLE), cols=2)
    table.style = "Table Grid"
    for r, (key, value) in enumerate(DOCX_TABLE):
        table.cell(r, 0).text = key
        table.cell(r, 1).text = value
        if r == 0:
            for cell in table.rows[0].cells:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
                    run.font.size = Pt(11)

    raw = io.BytesIO()
    document.save(raw)
    path.write_bytes(_stable_zip(raw.getvalue()))


def _stable_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps (python-docx stamps them with the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATETIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _pdf_string(text: str) -> bytes:
    """A PDF literal string; the text must be ASCII (Helvetica with WinAnsiEncoding)."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("ascii") + b")"


def _pdf_page_streams(blocks: list[tuple[str, str]]) -> list[bytes]:
    """Lay the blocks out on A4 pages; returns one content stream per page."""
    styles = {"h": (b"/F2", 13, 18, 80), "p": (b"/F1", 10.5, 14, 88), "s": (b"/F1", 8, 12, 120)}
    top, bottom, left = 780, 60, 64
    pages: list[list[bytes]] = [[]]
    y = top
    for style, text in blocks:
        font, size, leading, width = styles[style]
        lines = textwrap.wrap(text, width=width, break_on_hyphens=False)
        if y - leading * len(lines) < bottom and pages[-1]:
            pages.append([])
            y = top
        for line in lines:
            pages[-1].append(b"BT %s %g Tf %d %d Td %s Tj ET"
                             % (font, size, left, y, _pdf_string(line)))
            y -= leading
        y -= 8  # paragraph spacing
    return [b"\n".join(ops) + b"\n" for ops in pages]


def write_pdf(path: Path) -> None:
    """A minimal PDF 1.4 written by hand: no timestamps or IDs, so output is stable."""
    streams = _pdf_page_streams(PDF_BLOCKS)
    n_pages = len(streams)
    # Object numbers: 1 Catalog, 2 Pages, 3 Helvetica, 4 Helvetica-Bold, 5 Info,
    # then for each page i: Page object 6+2i and its content stream 7+2i.
    page_ids = [6 + 2 * i for i in range(n_pages)]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>"
           % (b" ".join(b"%d 0 R" % p for p in page_ids), n_pages),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
           b"/Encoding /WinAnsiEncoding >>",
        5: b"<< /Title %s /Author (Tigris Community Development Organisation) "
           b"/Producer (scripts/make_examples.py) >>" % _pdf_string(PDF_TITLE),
    }
    for page_id, stream in zip(page_ids, streams, strict=True):
        objects[page_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                            b"/Contents %d 0 R >>" % (page_id + 1))
        objects[page_id + 1] = (b"<< /Length %d >>\nstream\n" % len(stream) + stream
                                + b"endstream")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (size, xref_at))
    path.write_bytes(bytes(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="data/examples", help="output folder")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    write_jsonl(out / "submissions.jsonl")
    write_delimited(out / "submissions.csv", ("id", "title", "country", "text"), CSV_ROWS, ",")
    write_delimited(out / "submissions.tsv", ("id", "title", "text"), TSV_ROWS, "\t")
    write_text(out / "programme_note.txt", TURKISH_NOTE)
    write_text(out / "legacy_encoding.txt", FRENCH_LEGACY, encoding="cp1252")
    write_text(out / "campaign_page.md", CAMPAIGN_MD)
    write_text(out / "project_page.html", PROJECT_HTML)
    write_docx(out / "grant_summary.docx")
    write_pdf(out / "evaluation_excerpt.pdf")
    for path in sorted(out.iterdir()):
        print(f"{path}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
