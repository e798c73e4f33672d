#include "schema.hpp"

#include "narrative.hpp"

#include <planflow/plugin/agency_refs.hpp>
#include <planflow/text/thai.hpp>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

namespace planflow::plugins::anti_corruption {

namespace json = boost::json;

namespace {

// Kept beside read_plan (content_model.cpp): a field added there is added here.
constexpr std::string_view k_schema = R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:planflow:plan-type:anti_corruption_action_plan:content",
  "title": "แผนปฏิบัติการขับเคลื่อนระดับจังหวัด ด้านการต่อต้านการทุจริตและประพฤติมิชอบ",
  "x-labels": {"province": {"th": "จังหวัด", "en": "Province"}, "code": {"th": "รหัสจังหวัด", "en": "Province code"}, "name_th": {"th": "ชื่อจังหวัด", "en": "Province name"}, "fiscal_year": {"th": "ปีงบประมาณ (พ.ศ.)", "en": "Fiscal year (BE)"}, "title": {"th": "ชื่อ", "en": "Title"}, "goals": {"th": "เป้าหมาย", "en": "Goals"}, "indicators": {"th": "ตัวชี้วัด", "en": "Indicators"}, "number": {"th": "ลำดับ", "en": "Number"}, "text": {"th": "ข้อความ", "en": "Text"}, "unit": {"th": "หน่วยนับ", "en": "Unit"}, "projects": {"th": "โครงการ/กิจกรรม", "en": "Projects"}, "activities": {"th": "กิจกรรม", "en": "Activities"}, "budget": {"th": "งบประมาณ", "en": "Budget"}, "kind": {"th": "ลักษณะงบประมาณ", "en": "Budget kind"}, "baht": {"th": "จำนวนเงิน (บาท)", "en": "Amount (baht)"}, "amount": {"th": "ระบุจำนวนเงิน", "en": "An amount"}, "none": {"th": "ไม่ใช้งบประมาณ", "en": "No budget"}, "unparsed": {"th": "อ่านจำนวนเงินไม่ได้", "en": "Amount unreadable"}, "stated_totals": {"th": "ยอดรวมตามเอกสาร", "en": "Totals as stated"}, "target_text": {"th": "ค่าเป้าหมาย", "en": "Target"}, "source": {"th": "แหล่งงบประมาณ", "en": "Budget source"}, "narrative": {"th": "ส่วนนำของแผน", "en": "About the plan"}, "committee": {"th": "คณะกรรมการ", "en": "Committee"}, "name": {"th": "ชื่อ", "en": "Name"}, "mandate": {"th": "หน้าที่และอำนาจ", "en": "Mandate"}, "duties": {"th": "หน้าที่", "en": "Duties"}, "reporting": {"th": "การรายงานผล", "en": "Reporting duties"}, "to": {"th": "รายงานต่อ", "en": "Reported to"}, "every_months": {"th": "ทุก ๆ กี่เดือน", "en": "Every (months)"}, "linked_plans": {"th": "แผนที่แผนนี้อยู่ภายใต้", "en": "Plans this plan serves"}, "scope": {"th": "ระดับของแผน", "en": "Plan level"}, "master_plan": {"th": "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ", "en": "Master plan under the national strategy"}, "national_action_plan": {"th": "แผนปฏิบัติการระดับชาติ", "en": "National action plan"}, "sub_plan": {"th": "แผนย่อย", "en": "Sub-plan"}, "provincial_plan": {"th": "แผนปฏิบัติการระดับจังหวัด (หลายปี)", "en": "Provincial multi-year plan"}, "first_year": {"th": "ปีแรก (พ.ศ.)", "en": "First year (BE)"}, "last_year": {"th": "ปีสุดท้าย (พ.ศ.)", "en": "Last year (BE)"}, "approval": {"th": "การให้ความเห็นชอบแผน", "en": "Approval of the plan"}, "body": {"th": "ผู้ให้ความเห็นชอบ", "en": "Approved by"}, "meeting": {"th": "การประชุมครั้งที่", "en": "Meeting number"}, "date": {"th": "วันที่ให้ความเห็นชอบ (ค.ศ. ปปปป-ดด-วว)", "en": "Date approved (YYYY-MM-DD, CE)"}, "resolution": {"th": "มติ", "en": "Resolution"}, "target": {"th": "ค่าเป้าหมายที่วัดได้", "en": "Measurable target"}, "direction": {"th": "ลักษณะค่าเป้าหมาย", "en": "Direction"}, "level": {"th": "ระดับที่ต้องถึง", "en": "A level to reach"}, "increase": {"th": "เพิ่มขึ้นจากค่าฐาน", "en": "An increase from the baseline"}, "decrease": {"th": "ลดลงจากค่าฐาน", "en": "A decrease from the baseline"}, "measures": {"th": "ค่าที่วัด", "en": "Measures"}, "value": {"th": "ค่า", "en": "Value"}, "comparator": {"th": "เงื่อนไข", "en": "Comparator"}, "at_least": {"th": "ไม่น้อยกว่า", "en": "At least"}, "at_most": {"th": "ไม่เกิน", "en": "At most"}, "exactly": {"th": "เท่ากับ", "en": "Exactly"}, "baseline": {"th": "ค่าฐาน", "en": "Baseline"}, "base_year": {"th": "ปีฐาน (พ.ศ.)", "en": "Base year (BE)"}, "served_by": {"th": "ใช้ลักษณะงานร่วมกับตัวชี้วัด", "en": "Shares work items with indicator"}, "key_work_items": {"th": "ลักษณะสำคัญของงาน", "en": "Key work items"}, "method": {"th": "วิธีการดำเนินงาน", "en": "Method"}, "indicator_text": {"th": "ตัวชี้วัดกิจกรรม", "en": "Activity indicator"}, "period": {"th": "ระยะเวลาดำเนินการ", "en": "Period"}, "first_month": {"th": "เดือนเริ่ม (1 = ต.ค.)", "en": "First month (1 = Oct)"}, "last_month": {"th": "เดือนสิ้นสุด (12 = ก.ย.)", "en": "Last month (12 = Sep)"}, "main_agencies": {"th": "หน่วยงานรับผิดชอบหลัก", "en": "Main agencies"}, "supporting_agencies": {"th": "หน่วยงานสนับสนุน", "en": "Supporting agencies"}},
  "type": "object",
  "required": ["province", "fiscal_year", "title", "goals"],
  "properties": {
    "province": {
      "type": "object",
      "required": ["code", "name_th"],
      "properties": {
        "code": {"type": "string", "description": "ISO 3166-2:TH, e.g. TH-96"},
        "name_th": {"type": "string", "description": "นราธิวาส"}
      }
    },
    "fiscal_year": {"type": "integer", "description": "Buddhist era, 0 = unknown", "anyOf": [{"const": 0}, {"minimum": 2400, "maximum": 2799}]},
    "title": {"type": "string"},
    "narrative": {"$ref": "#/$defs/narrative"},
    "goals": {"type": "array", "items": {"$ref": "#/$defs/goal"}},
    "stated_totals": {"$ref": "#/$defs/stated_totals"}
  },
  "$defs": {
    "id": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$", "description": "unique in the plan"},
    "item_number": {"type": "string", "pattern": "^[0-9]{0,9}$", "description": "ASCII digits; empty when the row is unnumbered"},
    "nullable_number": {"type": ["number", "null"]},
    "be_year": {"type": ["integer", "null"], "minimum": 2400, "maximum": 2799, "description": "Buddhist era"},
    "narrative": {
      "type": "object",
      "description": "what the document says around its tables; absent in plans written before it was kept",
      "properties": {
        "committee": {
          "type": "object",
          "properties": {
            "name": {"type": "string", "description": "คณะกรรมการผลักดันการดำเนินงาน…จังหวัด…"},
            "mandate": {
              "type": "object",
              "properties": {
                "text": {"type": "string", "description": "the sentence introducing the duties (คำสั่งแต่งตั้ง…)"},
                "duties": {"type": "array", "items": {"type": "string"}, "description": "หน้าที่และอำนาจ, one per numbered duty"}
              }
            },
            "reporting": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "text": {"type": "string"},
                  "to": {"type": "array", "items": {"type": "string"}, "description": "ศปท.มท., ป.ป.ช., ป.ป.ท., …"},
                  "every_months": {"type": ["integer", "null"], "minimum": 1, "maximum": 12, "description": "1, 3, 6 or 12"}
                }
              }
            }
          }
        },
        "linked_plans": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["scope", "title"],
            "properties": {
              "scope": {"enum": ["master_plan", "national_action_plan", "sub_plan", "provincial_plan"]},
              "title": {"type": "string"},
              "first_year": {"$ref": "#/$defs/be_year"},
              "last_year": {"$ref": "#/$defs/be_year"}
            }
          }
        },
        "approval": {
          "type": "object",
          "description": "the meeting that approved the plan; all empty when the document states none",
          "properties": {
            "body": {"type": "string"},
            "meeting": {"type": "string", "description": "1/2566"},
            "date": {"type": "string", "description": "YYYY-MM-DD (Common Era), or empty"},
            "resolution": {"type": "string"}
          }
        }
      }
    },
    "target": {
      "type": "object",
      "required": ["direction", "measures"],
      "description": "what the target measures; progress is reported against the first measure",
      "properties": {
        "direction": {"enum": ["level", "increase", "decrease"], "description": "a level to reach, or a change from the baseline (ลดลงร้อยละ ๑๐)"},
        "measures": {"type": "array", "items": {"$ref": "#/$defs/measure"}, "description": "อย่างน้อย ๑ หลักสูตร จำนวน ๓ คน is two"},
        "baseline": {"$ref": "#/$defs/nullable_number", "description": "the value a change starts from"},
        "base_year": {"type": ["integer", "null"], "minimum": 2400, "maximum": 2799, "description": "Buddhist era"}
      }
    },
    "measure": {
      "type": "object",
      "required": ["value", "unit", "comparator"],
      "properties": {
        "value": {"$ref": "#/$defs/nullable_number"},
        "unit": {"type": "string", "description": "ร้อยละ, คน, แห่ง, …"},
        "comparator": {"enum": ["at_least", "at_most", "exactly"], "description": "ไม่น้อยกว่า (also a bare number), ไม่เกิน, เท่ากับ"}
      }
    },
    "stated_totals": {
      "type": ["object", "null"],
      "description": "totals as the document states them; compared with the computed ones",
      "properties": {
        "goals": {"type": "integer", "minimum": 0, "description": "plan level only"},
        "projects": {"type": "integer", "minimum": 0, "description": "N โครงการ/กิจกรรม"},
        "activities": {"type": "integer", "minimum": 0, "description": "N กิจกรรม (budgeted rows)"},
        "budget_baht": {"type": "number", "minimum": 0}
      }
    },
    "goal": {
      "type": "object",
      "required": ["id", "number", "title", "indicators"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "number": {"type": "integer", "minimum": 1, "maximum": 999},
        "title": {"type": "string"},
        "indicators": {"type": "array", "items": {"$ref": "#/$defs/indicator"}},
        "stated_totals": {"$ref": "#/$defs/stated_totals"}
      }
    },
    "indicator": {
      "type": "object",
      "required": ["id", "number", "text", "target", "key_work_items"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "number": {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)*$", "description": "1.1, 2.2.1"},
        "text": {"type": "string"},
        "unit": {"type": "string", "description": "ร้อยละ, จำนวน, …"},
        "target_text": {"type": "string", "description": "the ค่าเป้าหมาย statement"},
        "target": {"$ref": "#/$defs/target"},
        "served_by": {"type": ["string", "null"], "description": "id of another indicator of the goal whose work items serve this one too"},
        "key_work_items": {"type": "array", "items": {"$ref": "#/$defs/key_work_item"}},
        "projects": {"type": "array", "items": {"$ref": "#/$defs/project"}}
      }
    },
    "key_work_item": {
      "type": "object",
      "required": ["id", "text"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "number": {"$ref": "#/$defs/item_number"},
        "text": {"type": "string", "description": "ลักษณะสำคัญของงาน"}
      }
    },
    "project": {
      "type": "object",
      "required": ["id", "title", "activities"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "number": {"$ref": "#/$defs/item_number"},
        "title": {"type": "string", "description": "an entry of the โครงการ/กิจกรรม column"},
        "key_work_items": {"type": "array", "items": {"$ref": "#/$defs/id"}, "uniqueItems": true, "description": "ids of the indicator's key work items this project serves"},
        "activities": {"type": "array", "items": {"$ref": "#/$defs/activity"}}
      }
    },
    "activity": {
      "type": "object",
      "required": ["id", "title", "target", "budget", "period", "main_agencies"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "number": {"$ref": "#/$defs/item_number"},
        "title": {"type": "string"},
        "method": {"type": "string", "description": "วิธีการดำเนินงาน"},
        "indicator_text": {"type": "string", "description": "the ตัวชี้วัด cell"},
        "target_text": {"type": "string", "description": "the measurable part, e.g. ไม่น้อยกว่า ๓ แห่ง"},
        "target": {"$ref": "#/$defs/target"},
        "budget": {
          "type": "object",
          "required": ["kind"],
          "properties": {
            "kind": {"enum": ["amount", "none", "unparsed"]},
            "baht": {"type": ["number", "null"], "minimum": 0, "description": "required for amount; null otherwise"},
            "text": {"type": "string", "description": "the cell as written"},
            "source": {"type": "string", "description": "whose money (งบประมาณจาก สำนักงาน ป.ป.ช., งบพัฒนาจังหวัด, …)"}
          }
        },
        "period": {
          "type": "object",
          "required": ["text"],
          "properties": {
            "text": {"type": "string", "description": "the cell as written"},
            "first_month": {"type": ["integer", "null"], "minimum": 1, "maximum": 12, "description": "fiscal month: 1 = October … 12 = September"},
            "last_month": {"type": ["integer", "null"], "minimum": 1, "maximum": 12}
          }
        },
        "main_agencies": {"type": "array", "items": {"$ref": "#/$defs/agency_ref"}, "description": "หน่วยงานหลัก: the agency the document names first"},
        "supporting_agencies": {"type": "array", "items": {"$ref": "#/$defs/agency_ref"}, "description": "หน่วยงานสนับสนุน: the others it names"}
      }
    }
  }
})json";

}  // namespace

json::object content_schema_json() {
  boost::system::error_code ec;
  auto value = json::parse(k_schema, ec);
  if (ec || !value.is_object()) return {};  // a unit test parses the same text
  auto& schema = value.as_object();
  schema["$defs"].as_object()["agency_ref"] = plugin::agency_ref_schema();
  auto& labels = schema["x-labels"].as_object();
  for (auto& [name, label] : plugin::agency_ref_labels()) {
    if (!labels.contains(name)) labels[name] = label;
  }
  return std::move(schema);
}

std::string standard_title(int fiscal_year, const std::string& province_th) {
  std::string title = "แผนปฏิบัติการขับเคลื่อนระดับจังหวัด";
  if (fiscal_year != 0) title += " ประจำปีงบประมาณ พ.ศ. " + text::arabic_digits_to_thai(std::to_string(fiscal_year));
  title +=
      " ภายใต้การดำเนินงานของคณะกรรมการผลักดันการดำเนินงาน"
      "ตามแผนแม่บทภายใต้ยุทธศาสตร์ชาติ ประเด็นการต่อต้านการทุจริตและประพฤติมิชอบ";
  if (!province_th.empty()) title += " จังหวัด" + province_th;
  return title;
}

json::object empty_content_json(const plugin::plan_context& ctx) {
  const auto* province = ctx.province_code.empty() ? nullptr : ctx.province();
  std::string name_th = province ? province->name_th : std::string();
  json::object out;
  json::object province_json;
  province_json["code"] = ctx.province_code;
  province_json["name_th"] = name_th;
  out["province"] = std::move(province_json);
  int fiscal_year = ctx.fiscal_year >= 2400 && ctx.fiscal_year <= 2799 ? ctx.fiscal_year : 0;
  out["fiscal_year"] = fiscal_year;
  out["title"] = standard_title(fiscal_year, name_th);
  out["narrative"] = narrative_json({});
  out["goals"] = json::array();
  return out;
}

}  // namespace planflow::plugins::anti_corruption
