//! Venue names: recognising them in list text, normalising them, and the entry kind they imply.

use crate::model::{Date, Kind, Venue};
use crate::HashMap;
use smallvec::SmallVec;
use std::sync::LazyLock;

/// What a venue is, which decides the entry kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VenueKind {
    Conference,
    Journal,
    PreprintServer,
}

/// Known venues: lower-case spellings seen in lists, the normalised name, and the kind.
const VENUES: &[(&[&str], &str, VenueKind)] = {
    use VenueKind::*;
    &[
        (&["nips", "neurips", "nuerips"], "NeurIPS", Conference),
        (&["icml"], "ICML", Conference),
        (&["iclr"], "ICLR", Conference),
        (&["cvpr"], "CVPR", Conference),
        (&["iccv"], "ICCV", Conference),
        (&["eccv"], "ECCV", Conference),
        (&["wacv"], "WACV", Conference),
        (&["bmvc"], "BMVC", Conference),
        (&["emnlp", "emnlp-ijcnlp"], "EMNLP", Conference),
        (&["acl", "acl-ijcnlp", "acl/ijcnlp"], "ACL", Conference),
        (&["naacl"], "NAACL", Conference),
        (&["coling"], "COLING", Conference),
        (&["aaai"], "AAAI", Conference),
        (&["ijcai"], "IJCAI", Conference),
        (&["kdd", "sigkdd"], "KDD", Conference),
        (&["www", "thewebconf"], "WWW", Conference),
        (&["sigir"], "SIGIR", Conference),
        (&["acm mm", "acmmm", "mm"], "ACM MM", Conference),
        (&["miccai"], "MICCAI", Conference),
        (&["isbi"], "ISBI", Conference),
        (&["midl"], "MIDL", Conference),
        (&["mlhc"], "MLHC", Conference),
        (&["chil"], "CHIL", Conference),
        (&["ipmi"], "IPMI", Conference),
        (&["icassp"], "ICASSP", Conference),
        (&["interspeech"], "Interspeech", Conference),
        (&["corl"], "CoRL", Conference),
        (&["icra"], "ICRA", Conference),
        (&["iros"], "IROS", Conference),
        (&["aistats"], "AISTATS", Conference),
        (&["uai"], "UAI", Conference),
        (&["colt"], "COLT", Conference),
        (&["3dv"], "3DV", Conference),
        (&["accv"], "ACCV", Conference),
        (&["icpr"], "ICPR", Conference),
        (&["icip"], "ICIP", Conference),
        (&["icme"], "ICME", Conference),
        (&["siggraph"], "SIGGRAPH", Conference),
        (&["siggraph asia"], "SIGGRAPH Asia", Conference),
        (&["cvprw"], "CVPR Workshops", Conference),
        (&["iccvw"], "ICCV Workshops", Conference),
        (&["eccvw"], "ECCV Workshops", Conference),
        (&["wiccv"], "ICCV Workshops", Conference),
        (&["wcvpr"], "CVPR Workshops", Conference),
        (&["weccv"], "ECCV Workshops", Conference),
        (&["icmlw"], "ICML Workshops", Conference),
        (&["neuripsw", "nipsw"], "NeurIPS Workshops", Conference),
        (&["iciap"], "ICIAP", Conference),
        (&["bibm"], "BIBM", Conference),
        (&["ismb"], "ISMB", Conference),
        (&["cogsci"], "CogSci", Conference),
        (&["eswc"], "ESWC", Conference),
        (&["ecml pkdd", "ecml-pkdd", "ecml"], "ECML PKDD", Conference),
        (&["acsac"], "ACSAC", Conference),
        (&["dac"], "DAC", Conference),
        (&["bioinformatics"], "Bioinformatics", Journal),
        (&["findings of emnlp"], "EMNLP Findings", Conference),
        (&["findings of acl"], "ACL Findings", Conference),
        (&["findings of naacl"], "NAACL Findings", Conference),
        (&["aclw"], "ACL Workshops", Conference),
        (&["iccad"], "ICCAD", Conference),
        (&["ecoop"], "ECOOP", Conference),
        (&["icmla"], "ICMLA", Conference),
        (&["ease"], "EASE", Conference),
        (
            &["taslp", "ieee/acm taslp", "ieee taslp"],
            "IEEE/ACM Transactions on Audio, Speech, and Language Processing",
            Journal,
        ),
        // Not venues: a paper not yet published anywhere.
        (
            &[
                "preprint",
                "under review",
                "underreview",
                "submitted",
                "in submission",
            ],
            "Preprint",
            PreprintServer,
        ),
        // Journals cited by acronyms that would otherwise read as a conference's.
        (
            &["chb", "computers in human behavior"],
            "Computers in Human Behavior",
            Journal,
        ),
        (
            &["jasn"],
            "Journal of the American Society of Nephrology",
            Journal,
        ),
        (
            &["jmai"],
            "Journal of Medical Artificial Intelligence",
            Journal,
        ),
        (&["jco cci"], "JCO Clinical Cancer Informatics", Journal),
        (
            &["ieee tdsc", "tdsc"],
            "IEEE Transactions on Dependable and Secure Computing",
            Journal,
        ),
        (
            &["acm tosem", "tosem", "acm tsem"],
            "ACM Transactions on Software Engineering and Methodology",
            Journal,
        ),
        (
            &["empirical software engineering", "emse"],
            "Empirical Software Engineering",
            Journal,
        ),
        (&["sensors"], "Sensors", Journal),
        (&["neurocomputing"], "Neurocomputing", Journal),
        (&["ieee access"], "IEEE Access", Journal),
        (&["pattern recognition"], "Pattern Recognition", Journal),
        (
            &["cviu"],
            "Computer Vision and Image Understanding",
            Journal,
        ),
        (
            &["ra-l", "ral", "ieee ra-l"],
            "IEEE Robotics and Automation Letters",
            Journal,
        ),
        (
            &["ieee tnn", "tnn"],
            "IEEE Transactions on Neural Networks",
            Journal,
        ),
        (
            &["tomm", "acm tomm"],
            "ACM Transactions on Multimedia Computing, Communications, and Applications",
            Journal,
        ),
        (&["jama"], "JAMA", Journal),
        (&["jmir"], "JMIR", Journal),
        (&["nejm ai"], "NEJM AI", Journal),
        (
            &["lancet digit health", "lancet digital health"],
            "The Lancet Digital Health",
            Journal,
        ),
        (&["scientific data"], "Scientific Data", Journal),
        (&["ieee spm"], "IEEE Signal Processing Magazine", Journal),
        (
            &["acm computing surveys", "acm csur", "csur"],
            "ACM Computing Surveys",
            Journal,
        ),
        (&["rss"], "RSS", Conference),
        (&["ijcnn"], "IJCNN", Conference),
        (&["ijcnlp"], "IJCNLP", Conference),
        (&["eacl"], "EACL", Conference),
        (&["aacl", "aacl-ijcnlp"], "AACL", Conference),
        (&["conll"], "CoNLL", Conference),
        (&["colm"], "COLM", Conference),
        (&["lrec"], "LREC", Conference),
        (&["lrec-coling"], "LREC-COLING", Conference),
        (&["cikm"], "CIKM", Conference),
        (&["wsdm"], "WSDM", Conference),
        (&["recsys"], "RecSys", Conference),
        (&["icdm"], "ICDM", Conference),
        (&["sdm"], "SDM", Conference),
        (&["icde"], "ICDE", Conference),
        (&["vldb"], "VLDB", Conference),
        (
            &["vldb j", "vldb j.", "vldb journal", "the vldb journal"],
            "The VLDB Journal",
            Journal,
        ),
        (&["sigmod"], "SIGMOD", Conference),
        (&["chi"], "CHI", Conference),
        (&["uist"], "UIST", Conference),
        (&["mlsys"], "MLSys", Conference),
        (&["icse"], "ICSE", Conference),
        (&["fse", "esec/fse", "esec-fse"], "ESEC/FSE", Conference),
        (&["ase"], "ASE", Conference),
        (&["issta"], "ISSTA", Conference),
        (&["msr"], "MSR", Conference),
        (&["icsme"], "ICSME", Conference),
        (&["saner"], "SANER", Conference),
        (&["icpc"], "ICPC", Conference),
        (&["oopsla"], "OOPSLA", Conference),
        (&["pldi"], "PLDI", Conference),
        (&["popl"], "POPL", Conference),
        (&["ccs", "acm ccs"], "CCS", Conference),
        (&["ndss"], "NDSS", Conference),
        (&["usenix security"], "USENIX Security", Conference),
        (&["amia"], "AMIA", Conference),
        (&["ml4h"], "ML4H", Conference),
        (
            &["computational linguistics", "comput. linguist."],
            "Computational Linguistics",
            Journal,
        ),
        (
            &["tacl"],
            "Transactions of the Association for Computational Linguistics",
            Journal,
        ),
        (
            &["tse", "ieee tse"],
            "IEEE Transactions on Software Engineering",
            Journal,
        ),
        (
            &["tosem", "acm tosem"],
            "ACM Transactions on Software Engineering and Methodology",
            Journal,
        ),
        (&["tog", "acm tog"], "ACM Transactions on Graphics", Journal),
        (
            &["tnnls", "ieee tnnls"],
            "IEEE Transactions on Neural Networks and Learning Systems",
            Journal,
        ),
        (
            &["tkde", "ieee tkde"],
            "IEEE Transactions on Knowledge and Data Engineering",
            Journal,
        ),
        (
            &["tmm", "ieee tmm"],
            "IEEE Transactions on Multimedia",
            Journal,
        ),
        (
            &["tcsvt", "ieee tcsvt"],
            "IEEE Transactions on Circuits and Systems for Video Technology",
            Journal,
        ),
        (
            &["tvcg", "ieee tvcg"],
            "IEEE Transactions on Visualization and Computer Graphics",
            Journal,
        ),
        (
            &["tmi", "ieee tmi", "ieee-tmi"],
            "IEEE Transactions on Medical Imaging",
            Journal,
        ),
        (
            &["tpami", "pami", "t-pami", "ieee tpami"],
            "IEEE Transactions on Pattern Analysis and Machine Intelligence",
            Journal,
        ),
        (
            &["tip", "ieee tip"],
            "IEEE Transactions on Image Processing",
            Journal,
        ),
        (
            &["jbhi", "ieee jbhi"],
            "IEEE Journal of Biomedical and Health Informatics",
            Journal,
        ),
        (
            &["media", "mia", "medical image analysis"],
            "Medical Image Analysis",
            Journal,
        ),
        (
            &["ijcv"],
            "International Journal of Computer Vision",
            Journal,
        ),
        (&["jmlr"], "Journal of Machine Learning Research", Journal),
        (
            &["tmlr"],
            "Transactions on Machine Learning Research",
            Journal,
        ),
        (&["nature"], "Nature", Journal),
        (&["nature medicine"], "Nature Medicine", Journal),
        (
            &["nature machine intelligence", "nmi"],
            "Nature Machine Intelligence",
            Journal,
        ),
        (&["nature communications"], "Nature Communications", Journal),
        (
            &["nature biomedical engineering"],
            "Nature Biomedical Engineering",
            Journal,
        ),
        (&["science"], "Science", Journal),
        (&["radiology"], "Radiology", Journal),
        (
            &["radiology: artificial intelligence"],
            "Radiology: Artificial Intelligence",
            Journal,
        ),
        (
            &["the lancet digital health", "lancet digital health"],
            "The Lancet Digital Health",
            Journal,
        ),
        (&["npj digital medicine"], "npj Digital Medicine", Journal),
        (&["scientific reports"], "Scientific Reports", Journal),
        (
            &["jamia"],
            "Journal of the American Medical Informatics Association",
            Journal,
        ),
        // Venues of the corpus's long tail, by their usual acronyms.
        (&["ecai"], "ECAI", Conference),
        (&["ijcai-ecai"], "IJCAI", Conference),
        (&["ubicomp"], "UbiComp", Conference),
        (&["waspaa"], "WASPAA", Conference),
        (&["pakdd"], "PAKDD", Conference),
        (&["nlpcc"], "NLPCC", Conference),
        (&["iconip"], "ICONIP", Conference),
        (&["iui"], "IUI", Conference),
        (&["asp-dac"], "ASP-DAC", Conference),
        (&["esem"], "ESEM", Conference),
        (&["issre"], "ISSRE", Conference),
        (&["icvs"], "ICVS", Conference),
        (&["dagm", "gcpr", "dagm gcpr"], "GCPR", Conference),
        (&["avss"], "AVSS", Conference),
        (&["umap"], "UMAP", Conference),
        (&["icchp"], "ICCHP", Conference),
        (&["hcii"], "HCII", Conference),
        (&["eics"], "EICS", Conference),
        (&["icarm"], "ICARM", Conference),
        (&["padl"], "PADL", Conference),
        (&["internetware"], "Internetware", Conference),
        (&["koli calling"], "Koli Calling", Conference),
        (&["esec/sigsoft fse"], "ESEC/FSE", Conference),
        (&["robotics: science and systems"], "RSS", Conference),
        (&["ieee cloud"], "IEEE CLOUD", Conference),
        (
            &["ieee big data", "ieee bigdata"],
            "IEEE BigData",
            Conference,
        ),
        (&["sosr", "acm sosr"], "SOSR", Conference),
        (
            &["tkdd", "acm tkdd"],
            "ACM Transactions on Knowledge Discovery from Data",
            Journal,
        ),
        (
            &["tochi", "acm tochi", "acm tchi"],
            "ACM Transactions on Computer-Human Interaction",
            Journal,
        ),
        (
            &["thms", "ieee thms"],
            "IEEE Transactions on Human-Machine Systems",
            Journal,
        ),
        (
            &["tcds", "ieee tcds"],
            "IEEE Transactions on Cognitive and Developmental Systems",
            Journal,
        ),
        (
            &["jvcir"],
            "Journal of Visual Communication and Image Representation",
            Journal,
        ),
        (&["mta"], "Multimedia Tools and Applications", Journal),
        (&["nsr"], "National Science Review", Journal),
        (
            &["pacmse"],
            "Proceedings of the ACM on Software Engineering",
            Journal,
        ),
        (
            &["expert systems with applications", "eswa"],
            "Expert Systems with Applications",
            Journal,
        ),
        (
            &["machine vision and applications"],
            "Machine Vision and Applications",
            Journal,
        ),
        (
            &["pervasive and mobile computing"],
            "Pervasive and Mobile Computing",
            Journal,
        ),
        (
            &["artificial intelligence in medicine"],
            "Artificial Intelligence in Medicine",
            Journal,
        ),
        (&["information fusion"], "Information Fusion", Journal),
        (&["ai open"], "AI Open", Journal),
        (&["cybersecurity"], "Cybersecurity", Journal),
        (&["psychophysiology"], "Psychophysiology", Journal),
        (&["new biotechnology"], "New Biotechnology", Journal),
        (&["cureus"], "Cureus", Journal),
        (&["arxiv"], "arXiv", PreprintServer),
        (&["techrxiv"], "TechRxiv", PreprintServer),
        (&["medrxiv"], "medRxiv", PreprintServer),
        (&["biorxiv"], "bioRxiv", PreprintServer),
        (&["ssrn"], "SSRN", PreprintServer),
        (&["psyarxiv"], "PsyArXiv", PreprintServer),
        (&["socarxiv"], "SocArXiv", PreprintServer),
        (&["edarxiv"], "EdArXiv", PreprintServer),
        (&["chemrxiv"], "ChemRxiv", PreprintServer),
        (&["research square"], "Research Square", PreprintServer),
        (&["osf preprints"], "OSF Preprints", PreprintServer),
        (&["preprints.org"], "Preprints.org", PreprintServer),
        (&["openreview"], "OpenReview", PreprintServer),
    ]
};

/// Words that mark a journal among unknown venue names.
const JOURNAL_WORDS: &[&str] = &["journal", "transactions", "letters", "review", "magazine"];
/// Words that journal names abbreviate (ISO 4, as in `Comput. Secur.`, `ACM Trans. Softw. Eng.
/// Methodol.`, `J. Chem. Inf. Model.`), without their periods, in byte order.
const ABBREVIATED: &[&str] = &[
    "Acad", "Adv", "Am", "Anal", "Ann", "Appl", "Arch", "Artif", "Assoc", "Autom", "Behav", "Biol",
    "Biomed", "Bull", "Chem", "Clin", "Cogn", "Commun", "Comput", "Conf", "Cybern", "Diagn",
    "Discov", "Distrib", "Educ", "Electron", "Empir", "Eng", "Environ", "Eur", "Found", "Gen",
    "Genet", "Geosci", "Hum", "Ind", "Inf", "Inform", "Inst", "Int", "Intell", "Interact",
    "Intern", "J", "Knowl", "Lang", "Learn", "Lett", "Ling", "Mach", "Manag", "Math", "Mech",
    "Med", "Methodol", "Mob", "Model", "Mol", "Multimed", "Nat", "Natl", "Netw", "Neurosci",
    "Oncol", "Oper", "Optim", "Pathol", "Philos", "Phys", "Proc", "Process", "Program", "Psychol",
    "Radiol", "Recognit", "Rep", "Res", "Rev", "Robot", "Sci", "Sec", "Secur", "Sens", "Simul",
    "Soc", "Softw", "Stat", "Stud", "Surg", "Surv", "Symp", "Syst", "Technol", "Theor", "Trans",
    "Transl", "Vis",
];

/// Abbreviations that are English words as well (`Model.`, `Program.`), which may end a title's
/// sentence: a name abbreviated word by word does not start with one.
const ALSO_WORDS: &[&str] = &[
    "Am", "Found", "Hum", "Learn", "Model", "Mob", "Process", "Program", "Robot", "Stat",
];

/// Whether `word` is abbreviated journal-name words, each with its period (`Secur.`, `Sci.,`,
/// `J.Chem.Inf.Model.`).
pub(crate) fn is_abbreviated(word: &str) -> bool {
    let word = word.trim_end_matches(',');
    word.strip_suffix('.')
        .is_some_and(|w| w.split('.').all(|p| ABBREVIATED.binary_search(&p).is_ok()))
}

/// Where the journal name abbreviated word by word that ends `text` starts (`Title. IEEE Trans.
/// Pattern Anal. Mach. Intell.`, `Title (Comput. Secur.`): back over abbreviated words, acronyms
/// (`IEEE`), and capitalised words before an abbreviation that is no English word (`Pattern
/// Anal.`, not `Generative Model.`), up to a bracket or anything else. It has two words or more,
/// or one of several abbreviations (`J.Chem.Inf.Model.`).
pub(crate) fn abbreviated_start(text: &str) -> Option<usize> {
    let text = text.trim_end();
    let plain =
        |w: &str| is_abbreviated(w) && !ALSO_WORDS.contains(&w.trim_end_matches([',', '.']));
    let acronym = |w: &str| w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase());
    let capitalised = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
    };
    // Each word taken, with where it starts; the first from the end.
    let mut words: SmallVec<[(usize, &str); 8]> = SmallVec::new();
    let mut end = text.len();
    loop {
        let at = text[..end].rfind(' ').map_or(0, |i| i + 1);
        let word = &text[at..end];
        let (at, word, bracket) = match word.strip_prefix(['(', '[']) {
            Some(inner) => (at + 1, inner, true),
            None => (at, word, false),
        };
        let right = words.last().map(|&(_, w)| w);
        // A journal's series letter at the end (`Phys. Rev. B`, `J. Phys. A`).
        let series = right.is_none() && word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
        let taken = is_abbreviated(word)
            || series
            || (right.is_some() && acronym(word))
            || (capitalised(word) && right.is_some_and(plain));
        if !taken {
            break;
        }
        words.push((at, word));
        if bracket || at == 0 {
            break;
        }
        end = at - 1;
    }
    // An English word at the start is the title's: `Generative Model. Comput. Secur.`.
    while words.len() > 1
        && words
            .last()
            .is_some_and(|&(_, w)| !plain(w) && is_abbreviated(w))
    {
        words.pop();
    }
    let &(start, first) = words.last()?;
    let several = words.len() > 1 || first.matches('.').count() > 1;
    (several
        && words
            .iter()
            .any(|&(_, w)| plain(w) || w.matches('.').count() > 1))
    .then_some(start)
}

/// The kind of work in a venue whose name is abbreviated word by word (`Comput. Secur.`), if
/// any: ISO 4 abbreviates serials, so a journal; a conference with `Conf.` or `Symp.`; either
/// with `Proc.` (`Proc. Natl. Acad. Sci.` is a journal).
///
/// Abbreviations without periods, as PubMed writes them (`Artif Intell Med`, `Cancer Inform`),
/// count when two words or more are, or the last of two or more is; the words that are English
/// too (`Model`) do not count there.
fn abbreviated_kind(written: &str) -> Option<Kind> {
    let words: SmallVec<[&str; 8]> = written.split_whitespace().collect();
    let pieces: SmallVec<[&str; 8]> = if written.contains('.') {
        (words.iter())
            .filter(|w| is_abbreviated(w))
            .flat_map(|w| w.trim_end_matches([',', '.']).split('.'))
            .collect()
    } else {
        let plain = |w: &&str| ABBREVIATED.binary_search(w).is_ok() && !ALSO_WORDS.contains(w);
        let pieces: SmallVec<[&str; 8]> = words.iter().copied().filter(plain).collect();
        let enough = words.len() > 1 && (pieces.len() > 1 || words.last().is_some_and(plain));
        if !enough {
            return None;
        }
        pieces
    };
    if pieces.is_empty() {
        return None;
    }
    let conference = pieces.iter().any(|&p| matches!(p, "Conf" | "Symp"));
    let proceedings = pieces.contains(&"Proc");
    match (conference, proceedings) {
        (true, _) => Some(Kind::ConferencePaper),
        // The Proceedings of the ACM on a field (`Proc. ACM Program. Lang.`) are journals.
        (false, true) if words.get(1) == Some(&"ACM") => Some(Kind::JournalArticle),
        (false, true) => None,
        (false, false) => Some(Kind::JournalArticle),
    }
}

/// The venue, and the year where it tells, that the address of a paper in a proceedings or
/// journal site names: the ACL Anthology ([`of_acl_anthology`]), NeurIPS's proceedings
/// (`papers.nips.cc`, `proceedings.neurips.cc/paper/2020/...`), the CVF's open access
/// (`openaccess.thecvf.com/content_iccv_2015/...`, `content/CVPR2022W/...`, also under
/// `cv-foundation.org/openaccess/`), ECVA's ECCV papers, JMLR (`jmlr.org/papers/volume15/...`),
/// the volumes of PMLR that hold ICML, AISTATS and CoRL (`proceedings.mlr.press/v139/...`), a
/// mirror of ML proceedings (`machinelearning.wustl.edu`), and nature.com's journals. Nothing is
/// fetched: the address alone tells.
pub fn of_url(url: &str) -> Option<(Venue, Option<i32>)> {
    // The host as written, lower-cased only when it has capitals: most links go elsewhere
    // (arXiv, GitHub), and the match below turns them away before the path is read.
    let rough = crate::ids::rough_host(url);
    let lower;
    let host = if rough.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = rough.to_ascii_lowercase();
        lower.as_str()
    } else {
        rough
    };
    let segments = || {
        let path = crate::ids::host_and_path(url).map_or("", |(_, path)| path);
        path.split('/').filter(|s| !s.is_empty())
    };
    let year_of = |s: &str| {
        s.parse::<i32>()
            .ok()
            .filter(|y| (1950..=2100).contains(y) && s.len() == 4)
    };
    let named = |written: &str| known(written).filter(|v| kind_of(v).is_some());
    match host {
        "aclanthology.org" | "aclweb.org" | "anthology.aclweb.org" => {
            let (venue, year) = of_acl_anthology(crate::ids::acl_anthology_id(url)?)?;
            Some((venue, Some(year)))
        }
        "papers.nips.cc" | "papers.neurips.cc" | "proceedings.neurips.cc" => {
            // `/paper/2020/hash/...`, `/paper_files/paper/2022/file/...`, `/paper/5423-title.pdf`.
            let year = segments().find_map(year_of);
            Some((named("NeurIPS")?, year))
        }
        "openaccess.thecvf.com" | "cv-foundation.org" => {
            let mut segments = segments();
            let content = segments.find(|s| s.starts_with("content"))?;
            let tag = match content.strip_prefix("content_") {
                Some(tag) => tag.to_string(),
                None => segments.next()?.to_string(),
            };
            of_cvf_tag(&tag)
        }
        // A mirror of ML proceedings whose files start with the venue and year
        // (`paper_files/AISTATS2011_CoatesNL11.pdf`, `icml2013_wan13.pdf`, `NIPS2006_739.pdf`).
        "machinelearning.wustl.edu" => {
            let file = segments().next_back()?;
            let (tag, _) = file.split_once('_')?;
            let split = tag.find(|c: char| c.is_ascii_digit())?;
            let (event, year) = tag.split_at(split);
            if !matches!(
                event.to_ascii_lowercase().as_str(),
                "aistats" | "icml" | "nips" | "colt" | "uai"
            ) {
                return None;
            }
            Some((named(event)?, Some(year_of(year)?)))
        }
        "ecva.net" => {
            let tag = segments().find(|s| s.to_ascii_lowercase().starts_with("eccv"))?;
            of_cvf_tag(tag)
        }
        "jmlr.org" | "proceedings.mlr.press" => {
            let mut segments = segments();
            let first = segments.next()?;
            let volume = |s: &str| {
                s.strip_prefix("volume")
                    .or_else(|| s.strip_prefix('v'))
                    .and_then(|n| n.parse::<u32>().ok())
            };
            match (host, first) {
                ("jmlr.org", "papers") => {
                    volume(segments.next()?)?;
                    Some((named("JMLR")?, None))
                }
                ("jmlr.org", "proceedings") => {
                    let v = segments.nth(1).and_then(volume)?;
                    of_pmlr_volume(v)
                }
                ("proceedings.mlr.press", v) => of_pmlr_volume(volume(v)?),
                _ => None,
            }
        }
        "nature.com" => {
            let mut segments = segments();
            let first = segments.next()?;
            let id = segments.next().unwrap_or_default();
            let old_journal = (crate::ids::NATURE_OLD_IDS.iter()).find(|(p, _)| id.starts_with(p));
            let journal = match first {
                "nature" => "Nature",
                // An older id's journal (`sdata2018178`).
                "articles" if old_journal.is_some() => old_journal?.1,
                // The journal's number in a Springer Nature article id (`s41591-024-03185-2`).
                "articles" => match id.get(..6)? {
                    "s41586" => "Nature",
                    "s41591" => "Nature Medicine",
                    "s41467" => "Nature Communications",
                    "s41598" => "Scientific Reports",
                    "s41597" => "Scientific Data",
                    "s42256" => "Nature Machine Intelligence",
                    "s41746" => "npj Digital Medicine",
                    "s41551" => "Nature Biomedical Engineering",
                    _ => return None,
                },
                _ => return None,
            };
            Some((named(journal)?, None))
        }
        _ => None,
    }
}

/// The venue and year of a CVF open-access or ECVA tag: `cvpr_2015`, `ICCV_2017`, `CVPR2021`,
/// `cvpr_workshops_2014`, `CVPR2022W`, `CVPRW_2019`, `eccv_2020`.
fn of_cvf_tag(tag: &str) -> Option<(Venue, Option<i32>)> {
    let tag = tag.to_ascii_lowercase();
    let letters: String = tag.chars().take_while(char::is_ascii_alphabetic).collect();
    let digits: String = tag
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    let year: i32 = digits.parse().ok().filter(|_| digits.len() == 4)?;
    let (event, workshops) = match letters.strip_suffix('w') {
        Some(event) if lookup(event).is_some() => (event, true),
        _ => (
            letters.as_str(),
            tag.contains("workshop") || tag.ends_with('w'),
        ),
    };
    if !matches!(event, "cvpr" | "iccv" | "eccv" | "wacv" | "accv") {
        return None;
    }
    let written = if workshops {
        format!("{event} Workshops")
    } else {
        event.to_string()
    };
    Some((recognise(&written)?, Some(year)))
}

/// The conference and year of a volume of the Proceedings of Machine Learning Research, for the
/// conferences lists cite most: ICML (since 2013), AISTATS (since 2011) and CoRL.
fn of_pmlr_volume(volume: u32) -> Option<(Venue, Option<i32>)> {
    const VOLUMES: [(u32, &str, i32); 36] = [
        (15, "AISTATS", 2011),
        (22, "AISTATS", 2012),
        (28, "ICML", 2013),
        (31, "AISTATS", 2013),
        (32, "ICML", 2014),
        (33, "AISTATS", 2014),
        (37, "ICML", 2015),
        (38, "AISTATS", 2015),
        (48, "ICML", 2016),
        (51, "AISTATS", 2016),
        (54, "AISTATS", 2017),
        (70, "ICML", 2017),
        (78, "CoRL", 2017),
        (80, "ICML", 2018),
        (84, "AISTATS", 2018),
        (87, "CoRL", 2018),
        (89, "AISTATS", 2019),
        (97, "ICML", 2019),
        (100, "CoRL", 2019),
        (108, "AISTATS", 2020),
        (119, "ICML", 2020),
        (130, "AISTATS", 2021),
        (139, "ICML", 2021),
        (151, "AISTATS", 2022),
        (155, "CoRL", 2020),
        (162, "ICML", 2022),
        (164, "CoRL", 2021),
        (202, "ICML", 2023),
        (205, "CoRL", 2022),
        (206, "AISTATS", 2023),
        (229, "CoRL", 2023),
        (235, "ICML", 2024),
        (238, "AISTATS", 2024),
        (258, "AISTATS", 2025),
        (267, "ICML", 2025),
        (270, "CoRL", 2024),
    ];
    let i = VOLUMES.binary_search_by_key(&volume, |v| v.0).ok()?;
    let (_, name, year) = VOLUMES[i];
    Some((known(name)?, Some(year)))
}

/// The venue and year an ACL Anthology id names: `P19-1215` is ACL 2019, `Q17-1010` TACL,
/// `2020.findings-emnlp.342` EMNLP Findings 2020, `2023.acl-long.1` ACL 2023, and
/// `2020.nlpcovid19-acl.18` a workshop of ACL 2020. An old id's letter names its event; `W`
/// (a workshop of any event), `S` (SemEval or *SEM) and events mdbib does not know give none.
pub fn of_acl_anthology(id: &str) -> Option<(Venue, i32)> {
    let venue = |written: &str| recognise(written).filter(|v| kind_of(v).is_some());
    let bytes = id.as_bytes();
    // `P19-1215`, `N13-1`: a letter, the year's last two digits, a dash and a number.
    let old = bytes.len() >= 5
        && bytes[0].is_ascii_uppercase()
        && bytes[1..3].iter().all(u8::is_ascii_digit)
        && bytes[3] == b'-'
        && bytes[4..].iter().all(u8::is_ascii_digit);
    if old {
        let written = match bytes[0] {
            b'P' => "ACL",
            b'N' => "NAACL",
            b'D' => "EMNLP",
            b'E' => "EACL",
            b'C' => "COLING",
            b'Q' => "TACL",
            b'J' => "Computational Linguistics",
            b'K' => "CoNLL",
            b'L' => "LREC",
            _ => return None,
        };
        let yy: i32 = id[1..3].parse().ok()?;
        let year = if yy < 50 { 2000 + yy } else { 1900 + yy };
        return Some((venue(written)?, year));
    }
    // `2023.findings-acl.676`: the year, the volume (event and track), the paper's number.
    let mut parts = id.split('.');
    let (year, volume) = (parts.next()?, parts.next()?);
    let number_ok = parts
        .next()
        .is_none_or(|n| n.bytes().all(|b| b.is_ascii_digit()));
    if year.len() != 4 || !number_ok || parts.next().is_some() {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let (event, track) = volume.split_once('-')?;
    let venue = match event {
        "findings" => venue(&format!("{track} Findings")),
        "cl" => venue("Computational Linguistics"),
        _ if lookup(event).is_some() => venue(event),
        // A workshop held with a conference (`nlpcovid19-acl`).
        _ if is_conference(track) => venue(&format!("{track} Workshops")),
        _ => None,
    }?;
    Some((
        Venue {
            written: venue.name.clone(),
            ..venue
        },
        year,
    ))
}

/// Whether `written` names a conference mdbib knows (`ACL`, `CVPR`).
pub(crate) fn is_conference(written: &str) -> bool {
    matches!(lookup(written.trim()), Some((_, VenueKind::Conference)))
}

/// The conference whose workshops a venue written `WACVW` or `CVPRW` names.
fn workshops_of(written: &str) -> Option<&'static str> {
    let stem = written.strip_suffix('W').filter(|s| s.len() > 1)?;
    match lookup(stem)? {
        (name, VenueKind::Conference) => Some(name),
        _ => None,
    }
}

/// Whether a venue named by a publisher and an acronym is a journal: IEEE's and ACM's
/// transactions and journals are abbreviated with a `T` or a `J` first (`ACM TKDD`, `IEEE
/// TCSS`).
fn publisher_journal(written: &str) -> bool {
    let mut words = written.split_whitespace();
    let (Some(publisher), Some(acronym), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    matches!(publisher, "IEEE" | "ACM")
        && acronym.len() > 2
        && acronym.starts_with(['T', 'J'])
        && acronym.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')
}

/// Words that mark a conference or workshop among unknown venue names.
const CONFERENCE_WORDS: &[&str] = &[
    "conference",
    "proceedings",
    "symposium",
    "workshop",
    "workshops",
    "challenge",
];

fn lookup(written: &str) -> Option<(&'static str, VenueKind)> {
    /// Every alias of [`VENUES`], lower case, with its venue; the first venue naming an alias wins.
    static BY_ALIAS: LazyLock<HashMap<&'static str, (&'static str, VenueKind)>> =
        LazyLock::new(|| {
            let mut map = HashMap::default();
            for (aliases, name, kind) in VENUES {
                for alias in *aliases {
                    map.entry(*alias).or_insert((*name, *kind));
                }
            }
            map
        });
    BY_ALIAS
        .get(crate::text::lowercase(written.trim()).as_ref())
        .copied()
}

/// Recognises a venue as written in a list (`NIPS`, `NIPS workshop`, `Nature Machine Intelligence`,
/// `techrxiv`) and normalises it. Returns `None` for text that does not look like a venue name.
pub fn recognise(written: &str) -> Option<Venue> {
    let written = written
        .trim()
        .trim_matches(|c: char| c == ',' || c == '-')
        .trim();
    if written.is_empty() || written.split_whitespace().count() > 10 || is_date_words(written) {
        return None;
    }
    // `In PROMISE`, `In Proceedings of ...`: the venue, without the preposition citing it.
    let written = match written.strip_prefix("In ") {
        Some(venue) if venue.starts_with(|c: char| c.is_uppercase()) => venue.trim_start(),
        _ => written,
    };
    if let Some((name, _)) = lookup(written) {
        return Some(Venue {
            written: written.to_string(),
            name: name.to_string(),
        });
    }
    if let Some(name) = workshops_of(written) {
        return Some(Venue {
            written: written.to_string(),
            name: format!("{name} Workshops"),
        });
    }
    // "NIPS workshop", "CVPR Workshops", "ACL Findings": a known venue plus a qualifier.
    let words: Vec<&str> = written.split_whitespace().collect();
    if let Some((first, rest)) = words.split_first() {
        if let Some((name, _)) = lookup(first) {
            let rest = rest.join(" ");
            let name = match rest.to_lowercase().as_str() {
                "workshop" | "workshops" | "ws" => format!("{name} Workshops"),
                "findings" => format!("{name} Findings"),
                // `arXiv Preprint`, `arXiv preprint arXiv:1910.06508`: the server's own name.
                _ if matches!(lookup(first), Some((_, VenueKind::PreprintServer))) => {
                    name.to_string()
                }
                _ => format!("{name} {rest}"),
            };
            return Some(Venue {
                written: written.to_string(),
                name,
            });
        }
    }
    // Unknown names count as venues when they look like names: every word capitalised or a
    // known marker word, and no sentence punctuation. A period ends an abbreviated word, and
    // one of them at least is no single letter (`Appl. Sci.`, not `J. Smith`).
    let periods = written.contains('.');
    let abbreviated = || {
        words
            .iter()
            .filter(|w| w.contains('.'))
            .all(|w| is_abbreviated(w))
            && words
                .iter()
                .any(|w| is_abbreviated(w) && w.trim_end_matches([',', '.']).len() > 1)
    };
    let looks_like_name = !written.contains([':', '?', '!'])
        && (!periods || abbreviated())
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || ["of", "on", "and", "for", "in", "the", "&"]
                    .iter()
                    .any(|marker| w.eq_ignore_ascii_case(marker))
        });
    looks_like_name.then(|| Venue {
        written: written.to_string(),
        name: written.to_string(),
    })
}

/// Whether `text` is a month, with or without its day and year (`Dec`, `Sept.`, `28 May`,
/// `May 28`, `May, 2023`), which dates a work and names no venue (`*arXiv, Dec 2023*`).
pub fn is_date_words(text: &str) -> bool {
    let mut month = false;
    for word in text.split_whitespace() {
        let word = word.trim_end_matches([',', '.']);
        let day = matches!(word.len(), 1 | 2 | 4) && word.bytes().all(|b| b.is_ascii_digit());
        if crate::read::month_named(word).is_some() && word.starts_with(char::is_uppercase) {
            month = true;
        } else if !day {
            return false;
        }
    }
    month
}

/// [`recognise`], or else the venue as written: for text that names a venue whatever it looks
/// like (a bibliography's `journal` field, a venue written out after a list's names).
pub fn recognise_or_as_written(written: &str) -> Venue {
    recognise(written).unwrap_or_else(|| Venue {
        written: written.to_string(),
        name: written.to_string(),
    })
}

/// The venue `written` names when it is one mdbib knows (`ICCV`, `nips`), else `None`.
pub fn known(written: &str) -> Option<Venue> {
    let written = written.trim();
    lookup(written).map(|(name, _)| Venue {
        written: written.to_string(),
        name: name.to_string(),
    })
}

/// The entry kind a venue implies; `None` when the venue says nothing about it.
pub fn kind_of(venue: &Venue) -> Option<Kind> {
    let first = venue.written.split_whitespace().next().unwrap_or_default();
    let whole = lookup(&venue.written);
    let known = whole.or_else(|| lookup(first));
    let lower = venue.name.to_lowercase();
    let has = |words: &[&str]| lower.split_whitespace().any(|w| words.contains(&w));
    // A journal named `Proceedings of ...` is still a journal, and so are the ACM's
    // `Proceedings of the ACM on ...` (PACMPL, IMWUT), as their abbreviations say.
    if venue.written.starts_with("Proceedings of the ACM on ") {
        return Some(Kind::JournalArticle);
    }
    if has(CONFERENCE_WORDS) && !matches!(known, Some((_, VenueKind::Journal))) {
        return Some(Kind::ConferencePaper);
    }
    // A workshop at a conference: `DL4C@ICLR`, `MICCAI@ML-CDS`.
    let at_conference = || {
        venue.written.contains('@')
            && (venue.written.split('@'))
                .any(|part| matches!(lookup(part), Some((_, VenueKind::Conference))))
    };
    // A known name's journal (`VLDB J.`) is a journal.
    let journal = has(JOURNAL_WORDS) || venue.written.ends_with(" J.");
    match known {
        Some((_, VenueKind::Conference)) if whole.is_none() && journal => {
            Some(Kind::JournalArticle)
        }
        Some((_, VenueKind::Conference)) => Some(Kind::ConferencePaper),
        Some((_, VenueKind::Journal)) => Some(Kind::JournalArticle),
        Some((_, VenueKind::PreprintServer)) => Some(Kind::Preprint),
        None if journal || publisher_journal(&venue.written) => Some(Kind::JournalArticle),
        None if at_conference() => Some(Kind::ConferencePaper),
        None => abbreviated_kind(&venue.written),
    }
}

/// A venue under the name it had in the entry's year: NeurIPS was NIPS until 2017, and a thesis
/// citing a 2014 paper names it so.
pub fn name_as_of_year(r: &mut crate::model::Reference) {
    let Some(year) = r.year() else {
        return;
    };
    if let Some(v) = r.venue.as_mut().filter(|_| year < 2018) {
        if let Some(rest) = v.name.strip_prefix("NeurIPS") {
            v.name = format!("NIPS{rest}");
        }
    }
}

/// The month the largest conferences meet in, and for those that meet every other year whether
/// in odd (1) or even (0) years.
const MEETINGS: &[(&str, u8, Option<i32>)] = &[
    ("AAAI", 2, None),
    ("ACL", 7, None),
    ("CVPR", 6, None),
    ("CoRL", 11, None),
    ("ECCV", 10, Some(0)),
    ("EMNLP", 11, None),
    ("ICASSP", 4, None),
    ("ICCV", 10, Some(1)),
    ("ICLR", 5, None),
    ("ICML", 7, None),
    ("ICRA", 5, None),
    ("ICSE", 5, None),
    ("IJCAI", 8, None),
    ("IROS", 10, None),
    ("KDD", 8, None),
    ("MICCAI", 10, None),
    ("NAACL", 6, None),
    ("NeurIPS", 12, None),
    ("SIGIR", 7, None),
    ("WACV", 1, None),
];

/// The date a conference or journal paper is cited by when all that dates it is its preprint's
/// `posted` date (a table's date column, a `[2023-12]` tag, the arXiv id): the year alone, and
/// for a conference of [`MEETINGS`] the year of its first meeting not over when the preprint
/// was posted (`| CVPR | 2023-12-21 |` is CVPR 2024; ECCV meets in even years only).
pub fn year_of_paper(venue: Option<&Venue>, posted: Date) -> Date {
    let meeting = venue.and_then(|v| MEETINGS.iter().find(|(name, ..)| *name == v.name));
    let Some(&(_, month, parity)) = meeting else {
        return Date::year(posted.year);
    };
    let mut year = posted.year + i32::from(posted.month.is_some_and(|m| m > month));
    if parity.is_some_and(|p| year.rem_euclid(2) != p) {
        year += 1;
    }
    Date::year(year)
}

/// [`kind_of`] for a venue an entry names where venues stand (a table's venue cell, `CEC 2024`
/// after the title), where an unknown acronym names a conference. Elsewhere an acronym alone is
/// as often a method's name (`[MGCA] Title`).
pub fn kind_of_cited(venue: &Venue) -> Option<Kind> {
    kind_of(venue)
        .or_else(|| conference_acronym(venue.written.trim()).then_some(Kind::ConferencePaper))
}

/// Whether a venue found beside a date publishes papers (a conference or journal, not a preprint
/// server or a site), so that the date is the paper's own. A venue mdbib does not know publishes
/// when its first word is an acronym (`DATE 2023`, `AST@ICSE 2022`, `TKDE`), not a site's name
/// (`GitHub 2024`). Unlike [`kind_of_cited`] this asks nothing about which kind: a journal's
/// acronym dates its papers as a conference's does.
pub fn publishes(venue: &Venue) -> bool {
    match kind_of(venue) {
        Some(kind) => kind.is_published(),
        None => {
            crate::text::is_acronym(venue.written.split_whitespace().next().unwrap_or_default())
        }
    }
}

/// Whether an unknown venue is written as one acronym (`CEC`, `HPDC`, `NAACL-HLT`, `WBMVC`):
/// conferences are cited so, journals by their names. One that starts with `J`, `T` or `IJ` may
/// be a journal's (`JASN`, `TKDE`, `IJSR`), and a publisher is no venue.
fn conference_acronym(written: &str) -> bool {
    crate::text::is_acronym(written)
        && !written.starts_with(['J', 'T'])
        && !written.starts_with("IJ")
        && !matches!(
            written,
            "ACM" | "IEEE" | "IET" | "SIAM" | "AAAS" | "APA" | "MIT"
        )
}

/// Whether the venue is a preprint server (arXiv, TechRxiv, ...), which publishes but is not a venue
/// in the bibliographic sense.
pub fn is_preprint_server(venue: &Venue) -> bool {
    // As written, or as named (`arXiv Preprint` is arXiv).
    let known = lookup(&venue.written).or_else(|| lookup(&venue.name));
    matches!(known, Some((_, VenueKind::PreprintServer)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_venue_cited_with_in() {
        assert_eq!(
            recognise("In PROMISE").map(|v| v.name).as_deref(),
            Some("PROMISE")
        );
        assert_eq!(
            recognise("IJCNLP").and_then(|v| kind_of(&v)),
            Some(Kind::ConferencePaper)
        );
        assert_eq!(
            recognise("Information Retrieval")
                .map(|v| v.name)
                .as_deref(),
            Some("Information Retrieval")
        );
    }

    fn name(written: &str) -> Option<String> {
        recognise(written).map(|v| v.name)
    }

    #[test]
    fn neurips_was_nips_until_2017() {
        let named = |year: i32, written: &str| {
            let origin = crate::model::Origin {
                file: std::path::Path::new("a.md").into(),
                line: 1,
            };
            let mut r = crate::model::Reference::new("T".into(), origin);
            r.venue = recognise(written);
            r.date = Some(Date::year(year));
            name_as_of_year(&mut r);
            r.venue.unwrap().name
        };
        assert_eq!(named(2014, "NeurIPS"), "NIPS");
        assert_eq!(named(2017, "nips workshop"), "NIPS Workshops");
        assert_eq!(named(2018, "NIPS"), "NeurIPS");
    }

    #[test]
    fn a_preprint_date_gives_the_next_meeting_of_its_conference() {
        let year = |venue: &str, posted: &str| {
            let v = recognise_or_as_written(venue);
            year_of_paper(Some(&v), Date::parse_iso(posted).unwrap()).year
        };
        assert_eq!(year("CVPR", "2023-12-21"), 2024);
        assert_eq!(year("CVPR", "2024-03"), 2024);
        assert_eq!(year("CVPR", "2024-06"), 2024);
        assert_eq!(year("NeurIPS", "2023-12"), 2023);
        assert_eq!(year("ICLR", "2023-10"), 2024);
        // Every other year.
        assert_eq!(year("ECCV", "2023-03"), 2024);
        assert_eq!(year("ECCV", "2024-11"), 2026);
        assert_eq!(year("ICCV", "2023-03"), 2023);
        assert_eq!(year("ICCV", "2022-12"), 2023);
        // A venue without a known meeting, a year alone: the preprint's year.
        assert_eq!(year("Nature Medicine", "2023-12"), 2023);
        assert_eq!(year("CVPR", "2023"), 2023);
        let posted = Date::parse_iso("2023-12-21").unwrap();
        assert_eq!(year_of_paper(None, posted), Date::year(2023));
        // Every conference of the table is known by that name.
        for (name, ..) in MEETINGS {
            assert_eq!(known(name).map(|v| v.name).as_deref(), Some(*name));
        }
    }

    #[test]
    fn an_unknown_acronym_in_a_venue_place_is_a_conference() {
        let kind = |w: &str| kind_of_cited(&recognise_or_as_written(w));
        for conference in ["CEC", "HPDC", "NAACL-HLT", "WBMVC", "IV"] {
            assert_eq!(
                kind(conference),
                Some(Kind::ConferencePaper),
                "{conference}"
            );
            assert_eq!(
                kind_of(&recognise_or_as_written(conference)),
                None,
                "{conference}"
            );
        }
        // Journals' acronyms, publishers, words and letters say nothing.
        for other in ["JXYZ", "TXYZ", "IJSR", "ACM", "Blog", "A", "Cell Reports"] {
            assert_eq!(kind(other), None, "{other}");
        }
        // Known venues keep their kinds.
        assert_eq!(kind("TPAMI"), Some(Kind::JournalArticle));
        assert_eq!(
            kind("Proceedings of the ACM on Interactive, Mobile, Wearable and Ubiquitous Technologies"),
            Some(Kind::JournalArticle)
        );
    }

    #[test]
    fn a_venue_publishes_when_known_to_or_written_as_an_acronym() {
        let publishes = |w: &str| publishes(&recognise_or_as_written(w));
        // Journals' acronyms publish though they name no conference.
        for venue in [
            "ICSE",
            "TPAMI",
            "DATE 2023",
            "AST@ICSE 2022",
            "JASN",
            "TKDE",
        ] {
            assert!(publishes(venue), "{venue}");
        }
        for venue in ["arXiv", "GitHub 2024", "Blog", "Hugging Face"] {
            assert!(!publishes(venue), "{venue}");
        }
    }

    #[test]
    fn normalises_known_venues() {
        assert_eq!(name("NIPS").as_deref(), Some("NeurIPS"));
        assert_eq!(name("NIPS workshop").as_deref(), Some("NeurIPS Workshops"));
        assert_eq!(name("arxiv").as_deref(), Some("arXiv"));
        assert_eq!(name("techrxiv").as_deref(), Some("TechRxiv"));
        assert_eq!(name("arXiv Preprint").as_deref(), Some("arXiv"));
        assert_eq!(
            name("arXiv preprint arXiv:1910.06508").as_deref(),
            Some("arXiv")
        );
        assert!(is_preprint_server(&recognise("arXiv Preprint").unwrap()));
        assert_eq!(name("ICML Preprint").as_deref(), Some("ICML Preprint"));
        assert_eq!(
            name("Nature Machine Intelligence").as_deref(),
            Some("Nature Machine Intelligence")
        );
        assert_eq!(name("MLHC").as_deref(), Some("MLHC"));
        assert_eq!(
            name("Knowledge-Based Systems").as_deref(),
            Some("Knowledge-Based Systems")
        );
        assert_eq!(name("a review of things"), None);
    }

    #[test]
    fn abbreviated_journal_names_are_venues() {
        assert!(
            ABBREVIATED.is_sorted(),
            "binary search needs the words in order"
        );
        for (written, kind) in [
            ("Comput. Secur.", Some(Kind::JournalArticle)),
            ("Appl. Sci.", Some(Kind::JournalArticle)),
            (
                "ACM Trans. Softw. Eng. Methodol.",
                Some(Kind::JournalArticle),
            ),
            ("J.Chem.Inf.Model.", Some(Kind::JournalArticle)),
            ("Proc. ACM Program. Lang.", Some(Kind::JournalArticle)),
            ("Proc. IEEE", None),
            (
                "Proc. IEEE Conf. Comput. Vis. Pattern Recognit.",
                Some(Kind::ConferencePaper),
            ),
        ] {
            let venue = recognise(written);
            assert_eq!(venue.as_ref().map(|v| v.name.as_str()), Some(written));
            assert_eq!(venue.as_ref().and_then(kind_of), kind, "{written}");
        }
        // Periods that end no abbreviation, or only a single letter's, are a sentence or a name.
        for written in [
            "Deep Learning. Nature",
            "J. Smith",
            "A. B. Smith",
            "Sci. Fi.",
        ] {
            assert_eq!(recognise(written), None, "{written}");
        }
    }

    #[test]
    fn kinds() {
        let kind = |w: &str| recognise(w).and_then(|v| kind_of(&v));
        assert_eq!(kind("EMNLP"), Some(Kind::ConferencePaper));
        assert_eq!(kind("NIPS workshop"), Some(Kind::ConferencePaper));
        assert_eq!(
            kind("Nature Machine Intelligence"),
            Some(Kind::JournalArticle)
        );
        assert_eq!(kind("arxiv"), Some(Kind::Preprint));
        assert_eq!(kind("IEEE Journal of Things"), Some(Kind::JournalArticle));
        assert_eq!(kind("Foo Bar"), None);
    }

    #[test]
    fn kinds_from_the_shape_of_a_name() {
        let kind = |w: &str| recognise(w).and_then(|v| kind_of(&v));
        // A known conference's workshops, written with a `W` or an `@`.
        assert_eq!(name("WACVW").as_deref(), Some("WACV Workshops"));
        assert_eq!(kind("WACVW"), Some(Kind::ConferencePaper));
        assert_eq!(kind("W"), None);
        assert_eq!(kind("DL4C@ICLR"), Some(Kind::ConferencePaper));
        assert_eq!(kind("MICCAI@ML-CDS"), Some(Kind::ConferencePaper));
        assert_eq!(kind("Foo@Bar"), None);
        assert_eq!(kind("PACMSE"), Some(Kind::JournalArticle));
        assert_eq!(kind("VLDB J."), Some(Kind::JournalArticle));
        assert_eq!(kind("VLDB Journal"), Some(Kind::JournalArticle));
        assert_eq!(kind("VLDB"), Some(Kind::ConferencePaper));
        assert_eq!(
            kind("IEEE Trans. Ind. Informatics"),
            Some(Kind::JournalArticle)
        );
        assert_eq!(
            kind("ACM Trans. Knowl. Discov. Data"),
            Some(Kind::JournalArticle)
        );
        assert_eq!(kind("Empir. Softw. Eng."), Some(Kind::JournalArticle));
        assert_eq!(kind("Korean J Med Educ."), Some(Kind::JournalArticle));
        // A publisher's transactions and journals by acronym.
        assert_eq!(kind("IEEE TCSS"), Some(Kind::JournalArticle));
        assert_eq!(kind("ACM JETC"), Some(Kind::JournalArticle));
        assert_eq!(kind("IEEE SSCI"), None);
        assert_eq!(kind("ACM T"), None);
        // Abbreviated as PubMed does, without periods.
        assert_eq!(kind("Artif Intell Med"), Some(Kind::JournalArticle));
        assert_eq!(kind("Int J Oral Sci"), Some(Kind::JournalArticle));
        assert_eq!(kind("Cancer Inform"), Some(Kind::JournalArticle));
        assert_eq!(
            kind("Proc Int Conf Mach Learn"),
            Some(Kind::ConferencePaper)
        );
        assert_eq!(kind("Med"), None);
        assert_eq!(kind("Generative Model"), None);
        assert_eq!(kind("Inform Cancer"), None);
    }

    #[test]
    fn acl_anthology_ids_name_venue_and_year() {
        let of =
            |id: &str| of_acl_anthology(id).map(|(v, year)| (v.name.clone(), kind_of(&v), year));
        let conference = Some(Kind::ConferencePaper);
        assert_eq!(of("P19-1215"), Some(("ACL".into(), conference, 2019)));
        assert_eq!(of("N13-1"), Some(("NAACL".into(), conference, 2013)));
        assert_eq!(of("C88-1001"), Some(("COLING".into(), conference, 1988)));
        let journal = Some(Kind::JournalArticle);
        assert_eq!(of("J93-2004").map(|v| (v.1, v.2)), Some((journal, 1993)));
        assert_eq!(of("Q17-1010").map(|v| (v.1, v.2)), Some((journal, 2017)));
        assert_eq!(of("2020.cl-1.1").map(|v| (v.1, v.2)), Some((journal, 2020)));
        assert_eq!(
            of("2020.findings-emnlp.342"),
            Some(("EMNLP Findings".into(), conference, 2020))
        );
        assert_eq!(
            of("2023.acl-long.1"),
            Some(("ACL".into(), conference, 2023))
        );
        assert_eq!(
            of("2020.nlpcovid19-acl.18"),
            Some(("ACL Workshops".into(), conference, 2020))
        );
        // Workshops of unknown events, SemEval, and what is no id.
        for id in [
            "W04-1213",
            "S17-2001",
            "2021.bionlp-1.3",
            "P19",
            "2019.acl",
            "P1a-1",
            "x.y.z",
        ] {
            assert_eq!(of(id), None, "{id}");
        }
    }

    #[test]
    fn proceedings_and_journal_addresses_name_venue_and_year() {
        let of = |url: &str| of_url(url).map(|(v, year)| (v.name, year));
        let some = |name: &str, year: Option<i32>| Some((name.to_string(), year));
        for (url, want) in [
            ("https://aclanthology.org/P19-1215/", some("ACL", Some(2019))),
            ("http://papers.nips.cc/paper/5347-how-transferable-are-features.pdf", some("NeurIPS", None)),
            ("https://proceedings.neurips.cc/paper/2011/file/5dd9-Paper.pdf", some("NeurIPS", Some(2011))),
            ("https://proceedings.neurips.cc/paper_files/paper/2022/file/a90b-Paper-Datasets_and_Benchmarks.pdf", some("NeurIPS", Some(2022))),
            ("http://www.cv-foundation.org//openaccess/content_cvpr_workshops_2014/W15/papers/R_2014_CVPR_paper.pdf", some("CVPR Workshops", Some(2014))),
            ("https://openaccess.thecvf.com/content_iccv_2015/papers/P_ICCV_2015_paper.pdf", some("ICCV", Some(2015))),
            ("https://openaccess.thecvf.com/content/CVPR2022W/html/x.html", some("CVPR Workshops", Some(2022))),
            ("https://openaccess.thecvf.com/content_CVPRW_2019/papers/x.pdf", some("CVPR Workshops", Some(2019))),
            ("https://openaccess.thecvf.com/content/WACV2023/papers/x.pdf", some("WACV", Some(2023))),
            ("https://www.ecva.net/papers/eccv_2020/papers_ECCV/papers/123.pdf", some("ECCV", Some(2020))),
            ("http://jmlr.org/papers/volume15/srivastava14a/srivastava14a.pdf", some("Journal of Machine Learning Research", None)),
            ("https://jmlr.org/papers/v21/19-123.html", some("Journal of Machine Learning Research", None)),
            ("http://jmlr.org/proceedings/papers/v37/ioffe15.pdf", some("ICML", Some(2015))),
            ("https://proceedings.mlr.press/v139/kidger21a.html", some("ICML", Some(2021))),
            ("http://proceedings.mlr.press/v15/glorot11a/glorot11a.pdf", some("AISTATS", Some(2011))),
            ("https://www.nature.com/nature/journal/v521/n7553/full/nature14539.html", some("Nature", None)),
            ("https://www.nature.com/articles/nature14539", some("Nature", None)),
            ("https://www.nature.com/articles/s41591-023-02448-8", some("Nature Medicine", None)),
            ("https://www.nature.com/articles/sdata2018251", some("Scientific Data", None)),
            ("http://machinelearning.wustl.edu/mlpapers/paper_files/AISTATS2011_CoatesNL11.pdf", some("AISTATS", Some(2011))),
            ("http://machinelearning.wustl.edu/mlpapers/paper_files/icml2013_wan13.pdf", some("ICML", Some(2013))),
            ("http://machinelearning.wustl.edu/mlpapers/paper_files/NIPS2006_739.pdf", some("NeurIPS", Some(2006))),
            ("http://machinelearning.wustl.edu/mlpapers/papers/other.pdf", None),
            ("https://www.nature.com/articles/srep16696", some("Scientific Reports", None)),
        ] {
            assert_eq!(of(url), want, "{url}");
        }
        // Volumes, hosts and pages that say nothing.
        for url in [
            "https://proceedings.mlr.press/v174/pal22a.html",
            "https://nips.cc/Conferences/2016/Schedule?type=Tutorial",
            "https://openaccess.thecvf.com/menu",
            "https://www.nature.com/articles/s12345-023-00001-1",
            "https://github.com/cvpr/content_cvpr_2015",
        ] {
            assert_eq!(of(url), None, "{url}");
        }
    }
}
