"""Content values for pure tests: the office's story in small, built by hand (no database)."""

import dataclasses
import datetime

from quizzes.values import (
    Content,
    DecoyItem,
    DepartmentItem,
    DutyItem,
    EventItem,
    OrganisationItem,
    SourceRef,
    TermItem,
    Text,
)

SOURCE = SourceRef(
    id=1,
    title=Text(
        "Cumhurbaşkanlığı Dijital Dönüşüm Ofisi nedir?", "What is the Presidential Digital Transformation Office?"
    ),
    publisher="haber.mynet.com",
    published_on=datetime.date(2025, 10, 27),
    url="https://haber.mynet.com/",
)
OFFICIAL = SourceRef(id=2, title=Text("Ofisin kurumsal yapısı", "The office's structure"), publisher="9lib.net")


def department(key, name_tr, name_en, focus_tr, focus_en, listing="source", confidence="source_only"):
    return DepartmentItem(key, Text(name_tr, name_en), Text(focus_tr, focus_en), listing, confidence, SOURCE)


def duty(key, tr, en, holder="office", confidence="source_only"):
    return DutyItem(key, Text(tr, en), holder, confidence, SOURCE)


def event(key, date, precision, tr, en, decree_number=None, confidence="high"):
    return EventItem(
        key=key,
        date=date,
        precision=precision,
        title=Text(tr, en),
        description=Text(f"{tr} (açıklama)", f"{en} (description)"),
        legal_reference=Text("", ""),
        gazette_number="",
        decree_number=decree_number,
        confidence=confidence,
        source=SOURCE,
    )


def decoy(key, kind, tr, en):
    return DecoyItem(key, kind, Text(tr, en))


def term(key, tr, en, definition_tr, definition_en):
    return TermItem(key, Text(tr, en), Text(definition_tr, definition_en), SOURCE)


D = datetime.date

DEPARTMENTS = (
    department(
        "siber-guvenlik",
        "Siber Güvenlik Dairesi Başkanlığı",
        "Department of Cyber Security",
        "siber güvenlik stratejileri ve önlemleri",
        "cyber security strategies and measures",
    ),
    department(
        "dijital-donusum-e-devlet",
        "Dijital Dönüşüm ve e-Devlet Dairesi Başkanlığı",
        "Department of Digital Transformation and e-Government",
        "kamu hizmetlerinin dijitalleşmesi ve e-Devlet",
        "digitising public services and e-Government",
    ),
    department(
        "yapay-zeka-veri-bilimi",
        "Yapay Zekâ ve Veri Bilimi Dairesi Başkanlığı",
        "Department of Artificial Intelligence and Data Science",
        "yapay zekâ ve büyük veri uygulamaları",
        "artificial intelligence and big data applications",
    ),
    department(
        "bilgi-iletisim-teknolojileri",
        "Bilgi ve İletişim Teknolojileri Dairesi Başkanlığı",
        "Department of Information and Communication Technologies",
        "kamuda bilgi ve iletişim teknolojilerinin etkin kullanımı",
        "effective use of ICT in the public sector",
    ),
    department(
        "yerli-milli-teknolojiler",
        "Yerli ve Milli Teknolojiler Dairesi Başkanlığı",
        "Department of Domestic and National Technologies",
        "yerli ve milli teknolojilerin geliştirilmesi",
        "developing domestic and national technologies",
    ),
    department(
        "dijital-donusum-koordinasyon",
        "Dijital Dönüşüm Koordinasyon Dairesi Başkanlığı",
        "Department of Digital Transformation Coordination",
        "kurumlar arası dijital dönüşüm koordinasyonu",
        "coordinating digital transformation across institutions",
        listing="official_2019",
        confidence="medium",
    ),
    department(
        "uluslararasi-iliskiler",
        "Uluslararası İlişkiler Dairesi Başkanlığı",
        "Department of International Relations",
        "uluslararası iş birlikleri",
        "international cooperation",
        listing="official_2019",
        confidence="medium",
    ),
    department(
        "siber-guvenlik-2019",
        "Siber Güvenlik Dairesi Başkanlığı (2019)",
        "Department of Cyber Security (2019)",
        "kamu siber güvenliği",
        "public-sector cyber security",
        listing="official_2019",
        confidence="medium",
    ),
)

DUTIES = (
    duty(
        "kamu-donusumu-hizlandirmak",
        "kamu kurumlarının dijital dönüşümünü hızlandırmak",
        "accelerating the digital transformation of public institutions",
    ),
    duty("bit-etkin-kullanim", "bilgi ve iletişim teknolojilerini etkin kullanmak", "using ICT effectively"),
    duty(
        "siber-strateji",
        "siber güvenlik stratejilerini belirlemek ve önlemler almak",
        "setting cyber security strategies and taking measures",
    ),
    duty("dijital-ekonomi", "Türkiye'nin dijital ekonomisini güçlendirmek", "strengthening Türkiye's digital economy"),
    duty(
        "kamu-yz-liderligi",
        "kamunun dijital dönüşümüne ve kamuda yapay zekâ uygulamalarına öncülük etmek",
        "leading the public sector's digital transformation and public-sector AI applications",
        holder="transferred",
    ),
    duty(
        "e-devlet-aracilik",
        "Dijital Türkiye (e-Devlet) hizmetlerinin sunumuna aracılık etmek",
        "mediating the delivery of Digital Türkiye (e-Government) services",
        holder="transferred",
    ),
)

EVENTS = (
    event(
        "halkoylamasi",
        D(2017, 4, 16),
        "day",
        "Anayasa değişikliği halkoylaması yapıldı",
        "The constitutional referendum is held",
    ),
    event("yemin", D(2018, 7, 9), "day", "Cumhurbaşkanı TBMM'de yemin etti", "The President takes the oath"),
    event(
        "cbk-1",
        D(2018, 7, 10),
        "day",
        "1 sayılı CBK ile Dijital Dönüşüm Ofisi kuruldu",
        "Presidential Decree No. 1 establishes the Digital Transformation Office",
        decree_number=1,
    ),
    event(
        "cbk-48",
        D(2019, 10, 1),
        "month",
        "48 sayılı CBK Ofisin görevlerini ayrıntılandırdı",
        "Presidential Decree No. 48 details the Office's duties",
        decree_number=48,
        confidence="medium",
    ),
    event(
        "yz-stratejisi",
        D(2021, 8, 24),
        "day",
        "Ulusal Yapay Zekâ Stratejisi açıklandı",
        "The National AI Strategy is launched",
    ),
    event(
        "cbk-177",
        D(2025, 1, 8),
        "day",
        "177 sayılı CBK ile Siber Güvenlik Başkanlığı kuruldu",
        "Presidential Decree No. 177 establishes the Cyber Security Presidency",
        decree_number=177,
    ),
    event(
        "cbk-183",
        D(2025, 3, 1),
        "month",
        "183 sayılı CBK ile Dijital Dönüşüm Ofisi kapatıldı",
        "Presidential Decree No. 183 closes the Digital Transformation Office",
        decree_number=183,
    ),
    event(
        "siber-kanun",
        D(2025, 3, 19),
        "day",
        "7545 sayılı Siber Güvenlik Kanunu yürürlüğe girdi",
        "Cyber Security Law No. 7545 enters into force",
        confidence="medium",
    ),
)

DECOYS = (
    decoy("tarim", "department", "Tarım ve Hayvancılık Dairesi Başkanlığı", "Department of Agriculture and Livestock"),
    decoy("turizm", "department", "Turizm Tanıtım Dairesi Başkanlığı", "Department of Tourism Promotion"),
    decoy("tapu", "department", "Tapu ve Kadastro Dairesi Başkanlığı", "Department of Land Registry"),
    decoy("vergi-toplamak", "duty", "vergi toplamak", "collecting taxes"),
    decoy("ehliyet-vermek", "duty", "sürücü belgesi vermek", "issuing driving licences"),
    decoy("kredi-vermek", "duty", "çiftçilere kredi vermek", "lending to farmers"),
)

TERMS = (
    term(
        "dijital-donusum",
        "dijital dönüşüm",
        "digital transformation",
        "Süreçlerin dijitalleşmesi.",
        "Digitising processes.",
    ),
    term("e-devlet", "e-Devlet", "e-Government", "Kamu hizmetlerinin çevrim içi sunumu.", "Public services online."),
    term("yapay-zeka", "yapay zekâ", "artificial intelligence", "Öğrenen yazılımlar.", "Software that learns."),
    term(
        "siber-guvenlik",
        "siber güvenlik",
        "cyber security",
        "Bilişim sistemlerinin korunması.",
        "Protecting IT systems.",
    ),
    term("buyuk-veri", "büyük veri", "big data", "Çok büyük veri kümeleri.", "Very large data sets."),
)

ORGANISATIONS = (
    OrganisationItem(
        "dijital-donusum-ofisi",
        Text("Cumhurbaşkanlığı Dijital Dönüşüm Ofisi", "Presidential Digital Transformation Office"),
        Text("DDO", "DTO"),
        Text("Kamunun dijital dönüşümünü yönetti.", "Led the public sector's digital transformation."),
        D(2018, 7, 10),
        D(2025, 3, 1),
        SOURCE,
    ),
    OrganisationItem(
        "siber-guvenlik-baskanligi",
        Text("Siber Güvenlik Başkanlığı", "Cyber Security Presidency"),
        Text("SGB", "CSP"),
        Text("Ofisin görevlerini devraldı.", "Took over the office's duties."),
        D(2025, 1, 8),
        None,
        SOURCE,
    ),
    OrganisationItem(
        "sanayi-bakanligi",
        Text("Sanayi ve Teknoloji Bakanlığı", "Ministry of Industry and Technology"),
        Text("STB", "MoIT"),
        Text("Yapay zekâ stratejisini Ofisle hazırladı.", "Prepared the AI strategy with the office."),
        None,
        None,
        SOURCE,
    ),
    OrganisationItem(
        "tbmm",
        Text("Türkiye Büyük Millet Meclisi", "Grand National Assembly of Türkiye"),
        Text("TBMM", "the Assembly"),
        Text("Türkiye'nin yasama organı.", "Türkiye's parliament."),
        None,
        None,
        SOURCE,
    ),
)


def office_content(**changes):
    """The whole small office content; keyword arguments replace whole tuples."""
    return dataclasses.replace(
        Content(
            organisations=ORGANISATIONS,
            departments=DEPARTMENTS,
            duties=DUTIES,
            events=EVENTS,
            decoys=DECOYS,
            terms=TERMS,
        ),
        **changes,
    )
